package dev.ftpkit.testing.internal.memfs;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Glob to regex, as {@link java.nio.file.FileSystem#getPathMatcher} documents globs: {@code *} within a name,
 * {@code **} across names, {@code ?} one character but not {@code /}, {@code [a-z]} and {@code [!a]} classes,
 * {@code {a,b}} groups (not nested), {@code \} escapes.
 */
final class Globs {

    private Globs() {
    }

    static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder("^");
        boolean inGroup = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (++i == glob.length()) {
                        throw new PatternSyntaxException("no character to escape", glob, i - 1);
                    }
                    regex.append(Pattern.quote(String.valueOf(glob.charAt(i))));
                }
                case '*' -> {
                    boolean twice = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                    regex.append(twice ? ".*" : "[^/]*");
                    i += twice ? 1 : 0;
                }
                case '?' -> regex.append("[^/]");
                case '[' -> i = bracket(glob, i, regex);
                case '{' -> {
                    if (inGroup) {
                        throw new PatternSyntaxException("nested groups", glob, i);
                    }
                    inGroup = true;
                    regex.append("(?:");
                }
                case '}' -> {
                    regex.append(inGroup ? ")" : "\\}");
                    inGroup = false;
                }
                case ',' -> regex.append(inGroup ? "|" : ",");
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (inGroup) {
            throw new PatternSyntaxException("missing '}'", glob, glob.length());
        }
        return regex.append('$').toString();
    }

    /** Copies the class that starts at {@code start}; returns the index of its closing bracket. */
    private static int bracket(String glob, int start, StringBuilder regex) {
        int i = start + 1;
        regex.append("[[^/]&&[");
        if (i < glob.length() && glob.charAt(i) == '!') {
            regex.append('^');
            i++;
        }
        for (; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == ']') {
                regex.append("]]");
                return i;
            }
            if (c == '\\' || c == '[' || c == '&' || c == '^') {
                regex.append('\\');
            }
            regex.append(c);
        }
        throw new PatternSyntaxException("missing ']'", glob, start);
    }
}
