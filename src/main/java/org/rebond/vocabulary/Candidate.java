package org.rebond.vocabulary;

import java.util.Arrays;

/**
 * A word or phrase of a contact's messages while it is counted and ranked: how often they used it,
 * where (the first {@value #KEPT_PLACES} places, enough to vote on its written form and to quote it),
 * and, for a phrase, the keys of its words and shorter phrases. Lives for one call of
 * {@link VocabularyFinder#find}.
 */
final class Candidate {

    static final int KEPT_PLACES = 24;

    final long key;
    final int words;
    /** The order in which the contact first used it (texts newest first). */
    final int firstSeen;
    /** For a phrase, the keys of its words and of its shorter phrases; empty for a word. */
    final long[] parts;
    /** Whether it is one acronym written in capitals ("KYC"), which may count even when used once. */
    final boolean acronym;
    int uses;
    int mailboxUses;
    double score;
    /** The uses it needs to be shown: two, or one for an acronym of a contact who wrote little. */
    int usesNeeded;
    /** Per place: text index, start, end, 1 when at the start of a sentence. */
    private int[] places = new int[8];
    private int placeCount;

    Candidate(long key, int words, int firstSeen, long[] parts, boolean acronym) {
        this.key = key;
        this.acronym = acronym;
        this.words = words;
        this.firstSeen = firstSeen;
        this.parts = parts;
    }

    void used(int text, int start, int end, boolean sentenceStart) {
        uses++;
        if (placeCount < KEPT_PLACES) {
            if (placeCount * 4 == places.length) {
                places = Arrays.copyOf(places, places.length * 2);
            }
            int at = placeCount * 4;
            places[at] = text;
            places[at + 1] = start;
            places[at + 2] = end;
            places[at + 3] = sentenceStart ? 1 : 0;
            placeCount++;
        }
    }

    int placeCount() {
        return placeCount;
    }

    int text(int place) {
        return places[place * 4];
    }

    int start(int place) {
        return places[place * 4 + 1];
    }

    int end(int place) {
        return places[place * 4 + 2];
    }

    boolean atSentenceStart(int place) {
        return places[place * 4 + 3] == 1;
    }
}
