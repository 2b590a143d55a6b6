package org.rebond.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The debrief reply parser, fuzzed (Jazzer): whatever the user (or someone else) writes, it
 * answers in bounded time with capped, one-line items and phrases found in the text itself.
 */
class NotesParserFuzzTest {

    private static final NotesParser PARSER = new NotesParser();
    private static final Duration BOUND = Duration.ofSeconds(10);

    @FuzzTest(maxDuration = "2m")
    void anyReplyGivesCappedOneLineItemsInBoundedTime(String reply) {
        long start = System.nanoTime();
        DebriefNotes notes = PARSER.parse(reply);
        assertThat(notes.points()).hasSizeLessThanOrEqualTo(NotesParser.MAX_ITEMS);
        assertThat(notes.leads()).hasSizeLessThanOrEqualTo(NotesParser.MAX_ITEMS);
        assertThat(notes.names()).hasSizeLessThanOrEqualTo(NotesParser.MAX_ITEMS);
        notes.points().forEach(NotesParserFuzzTest::assertItem);
        notes.leads().forEach(NotesParserFuzzTest::assertItem);
        for (DebriefNotes.NameGiven name : notes.names()) {
            assertItem(name.name());
            assertThat(name.email()).doesNotContainPattern("\\s").isEqualTo(name.email().toLowerCase(Locale.ROOT));
        }
        assertThat(notes.article()).doesNotContainPattern("[\\p{Cntrl}&&[^\\n\\t]]");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }

    @FuzzTest(maxDuration = "2m")
    void jobRequestPhrasesAreDistinctOneLineAndBounded(FuzzedDataProvider data) {
        Locale language = data.consumeBoolean() ? Locale.FRENCH : Locale.ENGLISH;
        String text = data.consumeRemainingAsString();
        long start = System.nanoTime();
        List<String> phrases = PARSER.jobRequestPhrases(text, language);
        assertThat(phrases).doesNotHaveDuplicates();
        phrases.forEach(phrase -> assertThat(phrase).isNotBlank().doesNotContainPattern("[\\r\\n]")
                .hasSizeLessThanOrEqualTo(Math.max(text.length(), 1) * 2));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }

    private static void assertItem(String item) {
        assertThat(item).isNotBlank().hasSizeLessThanOrEqualTo(NotesParser.MAX_ITEM_CHARS)
                .doesNotContainPattern("[\\p{Cntrl}\\u2028\\u2029]");
    }
}
