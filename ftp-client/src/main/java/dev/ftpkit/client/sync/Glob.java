package dev.ftpkit.client.sync;

import java.util.List;

/**
 * The exclusion patterns of a mirror: {@code *} (any run of characters) and {@code ?} (one character), nothing
 * else. A pattern without {@code /} is matched against each entry's name, one with {@code /} against its path
 * relative to the root (there {@code *} also matches {@code /}). Matching is greedy with one backtracking point,
 * so it takes at most (pattern length × name length) steps; patterns are bounded in length and number. The JDK's
 * {@code glob:} matcher is not used: it can take exponential time on patterns like {@code a*a*a*a*b}.
 */
final class Glob {

    /** The longest pattern accepted. */
    static final int MAX_LENGTH = 256;
    /** The most patterns accepted. */
    static final int MAX_PATTERNS = 100;

    private final int[] pattern;
    private final boolean wholePath;

    private Glob(String text) {
        this.pattern = text.codePoints().toArray();
        this.wholePath = text.indexOf('/') >= 0;
    }

    /**
     * Compiles a pattern.
     *
     * @throws IllegalArgumentException if it is empty or longer than {@value #MAX_LENGTH} characters
     */
    static Glob compile(String text) {
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("exclude: a pattern must have 1.." + MAX_LENGTH + " characters: '"
                    + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'");
        }
        return new Glob(text);
    }

    /** Whether the entry at {@code path} (relative, {@code /}-separated) is excluded by this pattern. */
    boolean excludes(String path) {
        return matches(wholePath ? path : path.substring(path.lastIndexOf('/') + 1));
    }

    /** Whether any of the patterns excludes the path. */
    static boolean anyExcludes(List<Glob> globs, String path) {
        for (Glob glob : globs) {
            if (glob.excludes(path)) {
                return true;
            }
        }
        return false;
    }

    boolean matches(String text) {
        int[] s = text.codePoints().toArray();
        int p = 0;
        int i = 0;
        int star = -1;
        int resume = 0;
        // Each step advances i, or p, or moves the backtracking point one further: at most |s| * (|p| + 1) steps.
        while (i < s.length) {
            if (p < pattern.length && pattern[p] == '*') {
                star = p++;
                resume = i;
            } else if (p < pattern.length && (pattern[p] == '?' || pattern[p] == s[i])) {
                p++;
                i++;
            } else if (star >= 0) {
                p = star + 1;
                i = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length && pattern[p] == '*') {
            p++;
        }
        return p == pattern.length;
    }
}
