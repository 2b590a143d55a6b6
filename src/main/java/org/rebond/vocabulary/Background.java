package org.rebond.vocabulary;

/**
 * How often the whole mailbox uses each word and phrase, counted once by
 * {@link VocabularyFinder#background} and then compared with many contacts' words. Keys are stems in
 * French and in English, so one background serves contacts of either language. Immutable.
 */
public final class Background {

    private final LongIntMap french;
    private final LongIntMap english;
    private final long words;
    private final int texts;

    Background(LongIntMap french, LongIntMap english, long words, int texts) {
        this.french = french;
        this.english = english;
        this.words = words;
        this.texts = texts;
    }

    /** The content words counted in the mailbox (stop words, numbers and boilerplate left out). */
    public long wordsRead() {
        return words;
    }

    /** The messages read (at most {@link VocabularyFinder#MAX_BACKGROUND_TEXTS}). */
    public int textsRead() {
        return texts;
    }

    /** How many times the mailbox used the word or phrase of {@code key}, stemmed in {@code language}. */
    int uses(Language language, long key) {
        return (language == Language.FRENCH ? french : english).get(key);
    }

    /** The distinct words and phrases kept, in one language (a measure of the memory held). */
    int distinctTerms() {
        return french.size();
    }

    /** How many uses a rare phrase's count may lack, its table having been full (0 for most mailboxes). */
    int forgotten() {
        return Math.max(french.forgotten(), english.forgotten());
    }
}
