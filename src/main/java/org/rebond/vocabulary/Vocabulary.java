package org.rebond.vocabulary;

import java.util.List;

/**
 * What a contact's messages say about their trade vocabulary.
 *
 * @param enoughText whether the contact wrote enough of their own words to tell their vocabulary
 *                   from noise; when false, {@code terms} is empty
 * @param wordsRead  the content words of the contact's own text that were read (quoted replies,
 *                   signatures, disclaimers, meeting boilerplate, stop words, numbers and names left out)
 * @param terms      the most distinctive terms, best first
 */
public record Vocabulary(boolean enoughText, int wordsRead, List<Term> terms) {

    public Vocabulary {
        terms = List.copyOf(terms);
    }

    /** No vocabulary: the contact wrote too little. */
    static Vocabulary tooLittle(int wordsRead) {
        return new Vocabulary(false, wordsRead, List.of());
    }
}
