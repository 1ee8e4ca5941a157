package dev.ftpkit.examples.client;

import dev.ftpkit.examples.UsageException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An {@code ftp://[user[:password]@]host[:port]/path} URL (RFC 1738 §3.2), percent-decoded. The path is relative
 * to the login directory (the leading slash only separates it from the host); {@code %2F} makes it absolute.
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
            user = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                password = Optional.of(decode(userInfo.substring(colon + 1)));
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
        return new FtpUrl(user, password, host, port, decode(path), implicitTls);
    }

    /** The last path segment, or empty when the path names a directory (ends with "/" or is empty). */
    String baseName() {
        int slash = path.lastIndexOf('/');
        return path.substring(slash + 1);
    }

    boolean isDirectory() {
        return path.isEmpty() || path.endsWith("/");
    }

    private static String decode(String s) throws UsageException {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
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
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
                byte[] utf8 = s.substring(i, end).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
                i = end - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
