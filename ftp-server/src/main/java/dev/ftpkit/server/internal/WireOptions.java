package dev.ftpkit.server.internal;

import java.nio.charset.Charset;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The protocol options for older clients: MODE Z and the control connection's encoding.
 *
 * @param modeZLevel      the MODE Z compression level when the server offers MODE Z, empty when it does not
 * @param controlEncoding the charset of names on the control connection and in listings for clients that do not
 *                        speak UTF-8, empty for UTF-8 (RFC 2640)
 */
public record WireOptions(OptionalInt modeZLevel, Optional<Charset> controlEncoding) {

    /** No MODE Z, UTF-8 names. */
    public static final WireOptions DEFAULTS = new WireOptions(OptionalInt.empty(), Optional.empty());
}
