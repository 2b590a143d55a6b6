package org.rebond.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The vocabulary finder, fuzzed (Jazzer): whatever the messages and the mailbox say, the terms
 * are at most {@code max}, distinct, written by the contact in their own words, each with a short
 * one-line context. Seeds in {@code VocabularyFuzzTestInputs} run with the unit tests; longer runs
 * with {@code JAZZER_FUZZ=1}.
 */
class VocabularyFuzzTest {

    private static final VocabularyFinder FINDER = new VocabularyFinder();

    @FuzzTest(maxDuration = "2m")
    void termsAreFewDistinctAndWrittenByTheContactWithShortOneLineContexts(FuzzedDataProvider data) {
        int max = data.consumeInt(-1, 12);
        Locale language = data.consumeBoolean() ? Locale.FRENCH : Locale.ENGLISH;
        List<String> names = List.of(data.consumeString(40));
        List<String> mailbox = texts(data, data.consumeInt(0, 4));
        List<String> contact = texts(data, data.consumeInt(0, 4));
        contact.add(data.consumeRemainingAsString());

        Vocabulary found = FINDER.find(contact, FINDER.background(mailbox), language, names, max);

        assertThat(found.terms()).hasSizeLessThanOrEqualTo(Math.max(max, 0)).doesNotHaveDuplicates();
        assertThat(found.enoughText() || found.terms().isEmpty()).isTrue();
        String written = String.join(" ", contact.stream().map(ContactText::ownWords).map(s -> s.replaceAll("\\s+", " ")).toList());
        for (Term term : found.terms()) {
            assertThat(term.shown()).isNotBlank().doesNotContain("\n");
            assertThat(written).contains(term.shown());
            assertThat(term.context()).hasSizeLessThanOrEqualTo(Contexts.MAX_CHARS).doesNotContain("\n");
            assertThat(term.uses()).isPositive();
        }
    }

    private static List<String> texts(FuzzedDataProvider data, int count) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            texts.add(data.consumeString(2000));
        }
        return texts;
    }
}
