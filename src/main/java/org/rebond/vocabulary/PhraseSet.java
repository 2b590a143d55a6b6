package org.rebond.vocabulary;

import java.util.ArrayList;
import java.util.List;

/**
 * Literal phrases to look for in lower-case lines, indexed by their first two chars: one pass over
 * a line tries, at each place, only the phrases that start with the two chars found there, where
 * one {@code indexOf} per phrase would read each line once per phrase (about 150 phrases).
 */
final class PhraseSet {

    private static final int LATIN1 = 256;

    /** By first char, then second char (both Latin-1): the phrases starting so; null where none. */
    private final String[][][] byPair = new String[LATIN1][][];
    /** Phrases starting with a char outside Latin-1, tried at every place. */
    private final String[] others;

    PhraseSet(List<String> phrases) {
        List<String> rest = new ArrayList<>();
        for (String phrase : phrases) {
            if (phrase.length() < 2) {
                throw new IllegalArgumentException("a phrase of two chars at least: " + phrase);
            }
            char first = phrase.charAt(0);
            char second = phrase.charAt(1);
            if (first >= LATIN1 || second >= LATIN1) {
                rest.add(phrase);
                continue;
            }
            if (byPair[first] == null) {
                byPair[first] = new String[LATIN1][];
            }
            String[] there = byPair[first][second];
            List<String> list = new ArrayList<>(there == null ? List.of() : List.of(there));
            list.add(phrase);
            byPair[first][second] = list.toArray(new String[0]);
        }
        others = rest.toArray(new String[0]);
    }

    /** Whether {@code lower} contains one of the phrases. */
    boolean in(String lower) {
        for (int i = 0; i + 1 < lower.length(); i++) {
            if (matchesAt(lower, i) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code lower} starts with one of the phrases. */
    boolean startsAny(String lower) {
        return lower.length() > 1 && matchesAt(lower, 0) > 0;
    }

    /** The length of the longest phrase {@code lower} starts with, 0 when none. */
    int longestStart(String lower) {
        return lower.length() > 1 ? matchesAt(lower, 0) : 0;
    }

    /** The length of the longest phrase found at {@code i}, 0 when none. */
    private int matchesAt(String lower, int i) {
        int longest = 0;
        for (String phrase : others) {
            if (phrase.length() > longest && lower.startsWith(phrase, i)) {
                longest = phrase.length();
            }
        }
        char first = lower.charAt(i);
        char second = lower.charAt(i + 1);
        String[][] bySecond = first < LATIN1 ? byPair[first] : null;
        String[] candidates = bySecond == null || second >= LATIN1 ? null : bySecond[second];
        if (candidates != null) {
            for (String phrase : candidates) {
                if (phrase.length() > longest && lower.startsWith(phrase, i)) {
                    longest = phrase.length();
                }
            }
        }
        return longest;
    }
}
