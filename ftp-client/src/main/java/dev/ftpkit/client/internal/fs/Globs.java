package dev.ftpkit.client.internal.fs;

import java.nio.file.PathMatcher;
import java.util.regex.Pattern;

/** {@code glob:} and {@code regex:} path matchers, with the glob syntax of {@link java.nio.file.FileSystem#getPathMatcher}. */
final class Globs {

    private static final String REGEX_META = "\\^$.|?*+()[]{}";

    private Globs() {
    }

    static PathMatcher matcher(String syntaxAndPattern) {
        int colon = syntaxAndPattern.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("expected syntax:pattern, got " + syntaxAndPattern);
        }
        String syntax = syntaxAndPattern.substring(0, colon);
        String pattern = syntaxAndPattern.substring(colon + 1);
        Pattern regex = switch (syntax.toLowerCase(java.util.Locale.ROOT)) {
            case "glob" -> Pattern.compile(toRegex(pattern));
            case "regex" -> Pattern.compile(pattern);
            default -> throw new UnsupportedOperationException("unknown pattern syntax: " + syntax);
        };
        return path -> regex.matcher(path.toString()).matches();
    }

    /** {@code *} within a name, {@code **} across names, {@code ?} one character, {@code [..]}, {@code {a,b}}. */
    static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        boolean inGroup = false;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        regex.append(".*");
                        i++;
                    } else {
                        regex.append("[^/]*");
                    }
                }
                case '?' -> regex.append("[^/]");
                case '[' -> {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        throw new java.util.regex.PatternSyntaxException("unclosed [", glob, i);
                    }
                    String set = glob.substring(i + 1, end).replace("\\", "\\\\");
                    regex.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                    i = end;
                }
                case '{' -> {
                    regex.append("(?:");
                    inGroup = true;
                }
                case '}' -> {
                    regex.append(inGroup ? ")" : "\\}");
                    inGroup = false;
                }
                case ',' -> regex.append(inGroup ? "|" : ",");
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        i++;
                        regex.append(Pattern.quote(String.valueOf(glob.charAt(i))));
                    }
                }
                default -> regex.append(REGEX_META.indexOf(c) >= 0 ? "\\" + c : String.valueOf(c));
            }
        }
        return regex.toString();
    }
}
