package dev.ftpkit.server.command;

/**
 * The only globbing the server does: {@code *} and {@code ?} in the last path segment, matched in linear
 * space and O(n*m) time (no backtracking blow-up, unlike glob(3) and {@code getPathMatcher("glob:...")} on
 * patterns like {@code a*a*a*a*b}; CVE-2011-0762 class). Braces and brackets are literal characters.
 */
final class Wildcard {

    private Wildcard() {
    }

    static boolean isPattern(String segment) {
        return segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0;
    }

    static boolean matches(String pattern, String name) {
        int p = 0;
        int n = 0;
        int star = -1;
        int mark = 0;
        while (n < name.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == name.charAt(n))) {
                p++;
                n++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = n;
            } else if (star >= 0) {
                p = star + 1;
                n = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
