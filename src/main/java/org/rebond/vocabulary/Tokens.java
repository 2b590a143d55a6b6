package org.rebond.vocabulary;

import java.util.Arrays;

/**
 * One text once analysed: its tokens in order, as parallel arrays reused from text to text (a
 * mailbox of two thousand messages allocates them once). Filled by {@link TokenReader}.
 */
final class Tokens {

    /** A word that may be a trade term, alone or in a multi-word term. */
    static final byte CONTENT = 0;
    /** A stop word or a word of mail and small talk: never a term, but it may sit inside one. */
    static final byte COMMON = 1;
    /** A number, a name, a fragment of an address, a token too short or too long: it splits terms. */
    static final byte SKIP = 2;

    int size;
    /** Where the token's surface starts and ends in the text (an elided article and a final 's left out). */
    int[] start = new int[256];
    int[] end = new int[256];
    /** The hash of the token's stem in the first language asked for (words without accents, lower case). */
    long[] key = new long[256];
    /** The hash of the token's stem in the second language asked for, when two were asked for. */
    long[] otherKey = new long[256];
    byte[] kind = new byte[256];
    /** Whether the token follows the previous one within a phrase (no punctuation or paragraph between). */
    boolean[] joined = new boolean[256];
    /** Whether the token begins a sentence or a line, where a capital says nothing about the word. */
    boolean[] sentenceStart = new boolean[256];
    /** Whether the token is an acronym written in capitals ("KYC", "DSP2", "APIs"). */
    boolean[] acronym = new boolean[256];

    void clear() {
        size = 0;
    }

    void add(int from, int to, long stem, long other, byte type, boolean joinedToPrevious, boolean atSentenceStart) {
        add(from, to, stem, other, type, joinedToPrevious, atSentenceStart, false);
    }

    void add(int from, int to, long stem, long other, byte type, boolean joinedToPrevious, boolean atSentenceStart, boolean isAcronym) {
        if (size == start.length) {
            int n = size * 2;
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
            key = Arrays.copyOf(key, n);
            otherKey = Arrays.copyOf(otherKey, n);
            kind = Arrays.copyOf(kind, n);
            joined = Arrays.copyOf(joined, n);
            sentenceStart = Arrays.copyOf(sentenceStart, n);
            acronym = Arrays.copyOf(acronym, n);
        }
        start[size] = from;
        end[size] = to;
        key[size] = stem;
        otherKey[size] = other;
        kind[size] = type;
        joined[size] = joinedToPrevious;
        sentenceStart[size] = atSentenceStart;
        acronym[size] = isAcronym;
        size++;
    }
}
