package dev.ftpkit.server.observe;

import java.util.ArrayDeque;
import java.util.Deque;

/** The absolute FTP path (as the client sees the tree) that a client's argument names, for logs. */
final class FtpPaths {

    private FtpPaths() {
    }

    /**
     * Resolves {@code path} against the working directory as text: {@code .} and empty segments dropped,
     * {@code ..} going up but never above {@code /}.
     */
    static String absolute(String workingDirectory, String path) {
        String joined = path.startsWith("/") ? path : workingDirectory + "/" + path;
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : joined.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(segment);
            }
        }
        return "/" + String.join("/", segments);
    }
}
