package dev.ftpkit.examples.bench;

import java.util.List;

/**
 * A TLS version the FTPS benchmarks run at, as each contender spells it.
 *
 * @param number {@code 1.2} or {@code 1.3}, as {@code bench --tls} and curl take it
 */
record TlsVersion(String number) {

    /** The versions {@code bench --tls} accepts. */
    static final List<String> KNOWN = List.of("1.2", "1.3");

    TlsVersion {
        if (!KNOWN.contains(number)) {
            throw new IllegalArgumentException("--tls: unknown TLS version '" + number + "' (known: "
                    + String.join(",", KNOWN) + ")");
        }
    }

    /** The JSSE protocol name, e.g. {@code TLSv1.2}. */
    String jsse() {
        return "TLSv" + number;
    }

    /** curl's options to use exactly this version. */
    List<String> curlOptions() {
        return List.of("--tlsv" + number, "--tls-max", number);
    }

    /** For tables: {@code TLS 1.2}. */
    String label() {
        return "TLS " + number;
    }
}
