package org.rebond.vocabulary;

import java.util.Locale;

/** The languages whose stemmers group a word's forms: French, and English for everything else. */
enum Language {
    FRENCH, ENGLISH;

    /** French for any French locale ({@code fr}, {@code fr-CA}...), English otherwise. */
    static Language of(Locale locale) {
        return locale != null && "fr".equals(locale.getLanguage()) ? FRENCH : ENGLISH;
    }
}
