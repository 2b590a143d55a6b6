package org.rebond.vocabulary;

import java.util.ArrayList;
import java.util.List;

/**
 * Literal phrases to look for in lower-case lines, indexed by their first char: one pass over a
 * line tries, at each place, only the phrases that start with the char found there, where one
 * {@code indexOf} per phrase would read each line once per phrase (about 150 phrases).
 */
final class PhraseSet {

    private static final int INDEXED = 256;

    private final String[][] byFirst = new String[INDEXED][];
    private final String[] others;

    PhraseSet(List<String> phrases) {
        List<List<String>> lists = new ArrayList<>();
        for (int i = 0; i < INDEXED; i++) {
            lists.add(new ArrayList<>());
        }
        List<String> rest = new ArrayList<>();
        for (String phrase : phrases) {
            char first = phrase.charAt(0);
            if (first < INDEXED) {
                lists.get(first).add(phrase);
            } else {
                rest.add(phrase);
            }
        }
        for (int i = 0; i < INDEXED; i++) {
            byFirst[i] = lists.get(i).isEmpty() ? null : lists.get(i).toArray(new String[0]);
        }
        others = rest.toArray(new String[0]);
    }

    /** Whether {@code lower} contains one of the phrases. */
    boolean in(String lower) {
        for (String phrase : others) {
            if (lower.contains(phrase)) {
                return true;
            }
        }
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            String[] candidates = c < INDEXED ? byFirst[c] : null;
            if (candidates != null) {
                for (String phrase : candidates) {
                    if (lower.startsWith(phrase, i)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
