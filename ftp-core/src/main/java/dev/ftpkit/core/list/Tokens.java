package dev.ftpkit.core.list;

import java.util.ArrayList;
import java.util.List;

/**
 * The space-separated tokens of a line with their positions, so that a parser can take "the rest of the line" (a
 * file name with its own spaces) exactly as sent.
 */
final class Tokens {
    private final String line;
    private final List<int[]> bounds;

    private Tokens(String line, List<int[]> bounds) {
        this.line = line;
        this.bounds = bounds;
    }

    /** Splits on runs of spaces, stopping after {@code max} tokens. */
    static Tokens split(String line, int max) {
        List<int[]> bounds = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (bounds.size() < max) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            if (i == n) {
                break;
            }
            int start = i;
            while (i < n && line.charAt(i) != ' ') {
                i++;
            }
            bounds.add(new int[] {start, i});
        }
        return new Tokens(line, bounds);
    }

    int size() {
        return bounds.size();
    }

    String get(int index) {
        return line.substring(start(index), end(index));
    }

    int start(int index) {
        return bounds.get(index)[0];
    }

    int end(int index) {
        return bounds.get(index)[1];
    }

    /** The text from the start of token {@code from} to the end of token {@code to}, inner spacing kept. */
    String span(int from, int to) {
        return line.substring(start(from), end(to));
    }

    static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Parses a short run of ASCII digits (at most 9, so no overflow); -1 if it is not one. */
    static int smallNumber(String s) {
        if (s.length() > 9 || !isDigits(s)) {
            return -1;
        }
        return Integer.parseInt(s);
    }
}
