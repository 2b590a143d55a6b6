package org.rebond.vocabulary;

/**
 * The candidate terms of an analysed text: each content word, and each phrase of two or three
 * content words in a row within a sentence, with at most {@value #MAX_SPAN} tokens in all, so common
 * words may sit inside ("données de santé", "mise en conformité") but never at either end. A phrase
 * never crosses punctuation, a paragraph, a number or a name, and never repeats a word ("bla bla").
 */
final class Phrases {

    static final int MAX_WORDS = 3;
    static final int MAX_SPAN = 5;
    private static final long PHRASE_SEED = 0x2545F4914F6CDD1DL;

    /** What a caller does with each candidate: tokens {@code from} to {@code to} inclusive. */
    interface Visitor {
        void candidate(int from, int to, long key, int words);
    }

    /** What a caller does with the keys of each candidate in both languages. */
    interface KeysVisitor {
        void candidate(long key, long otherKey);
    }

    private Phrases() {
    }

    /** Visits the candidates of {@code tokens}, keyed by {@link Tokens#key} or, if {@code other}, {@link Tokens#otherKey}. */
    static void each(Tokens tokens, boolean other, Visitor visitor) {
        long[] keys = other ? tokens.otherKey : tokens.key;
        int n = tokens.size;
        for (int i = 0; i < n; i++) {
            if (tokens.kind[i] != Tokens.CONTENT) {
                continue;
            }
            visitor.candidate(i, i, keys[i], 1);
            int words = 1;
            for (int j = i + 1; j < n && j - i < MAX_SPAN; j++) {
                if (!tokens.joined[j] || tokens.kind[j] == Tokens.SKIP) {
                    break;
                }
                if (tokens.kind[j] == Tokens.CONTENT) {
                    if (repeats(tokens, keys, i, j)) {
                        break;
                    }
                    words++;
                    visitor.candidate(i, j, key(keys, i, j), words);
                    if (words == MAX_WORDS) {
                        break;
                    }
                }
            }
        }
    }

    /** Visits the keys of the candidates of {@code tokens} in both languages ({@link Tokens#key}, {@link Tokens#otherKey}). */
    static void each(Tokens tokens, KeysVisitor visitor) {
        each(tokens, false, (from, to, key, words) -> visitor.candidate(key, words == 1 ? tokens.otherKey[from]
                : key(tokens.otherKey, from, to)));
    }

    /** The key of the phrase of tokens {@code from} to {@code to} inclusive (common words included). */
    static long key(long[] keys, int from, int to) {
        long h = PHRASE_SEED;
        for (int k = from; k <= to; k++) {
            h = TokenReader.mix(h + keys[k]);
        }
        return h;
    }

    private static boolean repeats(Tokens tokens, long[] keys, int from, int at) {
        for (int k = from; k < at; k++) {
            if (tokens.kind[k] == Tokens.CONTENT && keys[k] == keys[at]) {
                return true;
            }
        }
        return false;
    }
}
