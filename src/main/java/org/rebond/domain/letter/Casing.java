package org.rebond.domain.letter;

import java.util.Locale;
import java.util.function.Predicate;

/** The first letter of a note put inside a sentence: lower case for an ordinary word, kept for a name or an acronym. */
final class Casing {

    private Casing() {
    }

    /**
     * @param ordinaryWord says whether a word (lower case) is an ordinary word, not a name:
     *                     found in lower case in the user's or the contact's writing, or a grammar word
     */
    static String inside(String text, Predicate<String> ordinaryWord) {
        if (text.isEmpty() || !Character.isUpperCase(text.codePointAt(0))) {
            return text;
        }
        int end = 0;
        while (end < text.length() && (Character.isLetter(text.charAt(end)) || text.charAt(end) == '\'' || text.charAt(end) == '’')) {
            end++;
        }
        String word = text.substring(0, end);
        if (word.length() > 1 && !word.substring(1).equals(word.substring(1).toLowerCase(Locale.ROOT))) {
            return text;  // FHIR, McKinsey, DataDog
        }
        String lower = word.toLowerCase(Locale.ROOT);
        String bare = lower.replaceAll("['’].*$", "");
        return ordinaryWord.test(lower) || ordinaryWord.test(bare) ? lower + text.substring(end) : text;
    }

    /** Joins names: "A", "A and B", "A, B and C". */
    static String list(java.util.List<String> items, String and) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + and + " " + items.get(items.size() - 1);
    }
}
