package dev.ftpkit.core;

/**
 * Quoting of pathnames in 257 replies (RFC 959 Appendix II): the pathname is enclosed in
 * double quotes and every double quote inside it is doubled, so {@code MOD "Bit"} is sent as
 * {@code "MOD ""Bit"""}.
 *
 * <p>RFC 959 Appendix II and RFC 2640 §3.1 send a CR inside a pathname as CR NUL, and a
 * pathname holding CRLF cannot be sent at all. Reply lines here never hold CR, LF or NUL (so an
 * encoded 257 line can never be split or forged), hence {@link #quote(String)} refuses pathnames
 * with those characters; the server must refuse or rename such paths.
 */
public final class PathQuoting {
    private PathQuoting() {
    }

    /**
     * Quotes a pathname for a 257 reply.
     *
     * @param path the pathname, not empty
     * @return the quoted pathname, e.g. {@code "/a ""b"""}
     * @throws IllegalArgumentException if the path is empty or contains CR, LF or NUL
     */
    public static String quote(String path) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("empty pathname");
        }
        Text.requireSingleLine(path, "pathname");
        return '"' + path.replace("\"", "\"\"") + '"';
    }

    /**
     * Extracts the first quoted pathname from a 257 reply text, undoing the doubled quotes.
     * The pathname must close on the line it opens on.
     *
     * @param replyText the reply text, e.g. {@code "/usr/dm" created.}
     * @return the pathname
     * @throws FtpProtocolException if there is no complete, non-empty quoted pathname
     */
    public static String unquote(String replyText) throws FtpProtocolException {
        int open = replyText.indexOf('"');
        if (open < 0) {
            throw new FtpProtocolException("no quoted pathname in " + Text.excerpt(replyText));
        }
        StringBuilder path = new StringBuilder();
        int i = open + 1;
        while (i < replyText.length()) {
            char c = replyText.charAt(i);
            if (c == '\n' || c == '\r') {
                break;
            }
            if (c != '"') {
                path.append(c);
                i++;
            } else if (i + 1 < replyText.length() && replyText.charAt(i + 1) == '"') {
                path.append('"');
                i += 2;
            } else {
                if (path.length() == 0) {
                    throw new FtpProtocolException("empty quoted pathname in " + Text.excerpt(replyText));
                }
                return path.toString();
            }
        }
        throw new FtpProtocolException("unterminated quoted pathname in " + Text.excerpt(replyText));
    }
}
