package dev.ftpkit.examples.client;

import dev.ftpkit.client.RemoteNames;
import dev.ftpkit.examples.UsageException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An {@code ftp://[user[:password]@]host[:port]/path} URL (RFC 1738 §3.2), percent-decoded. The path is relative
 * to the login directory (the leading slash only separates it from the host); {@code %2F} makes it absolute.
 * Percent escapes name bytes (a name that is not valid in the server's encoding can be written), and each run of
 * them is decoded in that encoding; other characters name characters.
 * {@code ftps://} is the same with implicit TLS (TLS from the first byte), port 990 by default, as curl reads it.
 *
 * @param user     the user, empty for anonymous
 * @param password the password, empty when the URL has none
 * @param host     the host (an IPv6 literal without its brackets)
 * @param port     the port, 21 by default
 * @param path     the decoded path, {@code ""} for the login directory
 * @param implicitTls whether the scheme is {@code ftps}
 */
record FtpUrl(Optional<String> user, Optional<String> password, String host, int port, String path,
              boolean implicitTls) {

    static FtpUrl parse(String text) throws UsageException {
        return parse(text, StandardCharsets.UTF_8);
    }

    /**
     * Parses a URL whose path names are in the server's encoding.
     *
     * @param text    the URL
     * @param charset the encoding the session will use: percent-escaped bytes are decoded in it, and bytes that do
     *                not decode stay as {@link RemoteNames} escapes, so they go back to the server unchanged
     * @return the URL
     * @throws UsageException if the text is not an ftp:// or ftps:// URL
     */
    static FtpUrl parse(String text, Charset charset) throws UsageException {
        boolean implicitTls = text.regionMatches(true, 0, "ftps://", 0, 7);
        if (!implicitTls && !text.regionMatches(true, 0, "ftp://", 0, 6)) {
            throw new UsageException("not an ftp:// or ftps:// URL: " + text);
        }
        String rest = text.substring(implicitTls ? 7 : 6);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon), charset));
            if (colon >= 0) {
                password = Optional.of(decode(userInfo.substring(colon + 1), charset));
            }
        }
        String host;
        String portText = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new UsageException("unclosed IPv6 literal in URL: " + text);
            }
            host = authority.substring(1, close);
            if (authority.length() > close + 1) {
                if (authority.charAt(close + 1) != ':') {
                    throw new UsageException("bad host in URL: " + text);
                }
                portText = authority.substring(close + 2);
            }
        } else {
            int colon = authority.indexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            portText = colon < 0 ? null : authority.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw new UsageException("no host in URL: " + text);
        }
        int port = implicitTls ? 990 : 21;
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw new UsageException("bad port in URL: " + text);
            }
            if (port < 1 || port > 65535) {
                throw new UsageException("port out of range in URL: " + text);
            }
        }
        return new FtpUrl(user, password, host, port, decode(path, charset), implicitTls);
    }

    /**
     * The last path segment, or empty when the path names a directory (ends with "/" or is empty); bytes that the
     * server's encoding does not decode are shown as {@code \xHH}, since a local name cannot hold them either.
     */
    String baseName() {
        int slash = path.lastIndexOf('/');
        return RemoteNames.printable(path.substring(slash + 1));
    }

    boolean isDirectory() {
        return path.isEmpty() || path.endsWith("/");
    }

    private static String decode(String s, Charset charset) throws UsageException {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder text = new StringBuilder(s.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                text.append(RemoteNames.decode(bytes.toByteArray(), charset)).append(c);
                bytes.reset();
                continue;
            }
            if (i + 2 >= s.length()) {
                throw new UsageException("bad percent escape in URL: " + s);
            }
            int hi = Character.digit(s.charAt(i + 1), 16);
            int lo = Character.digit(s.charAt(i + 2), 16);
            if (hi < 0 || lo < 0) {
                throw new UsageException("bad percent escape in URL: " + s);
            }
            bytes.write(hi * 16 + lo);
            i += 2;
        }
        return text.append(RemoteNames.decode(bytes.toByteArray(), charset)).toString();
    }
}
