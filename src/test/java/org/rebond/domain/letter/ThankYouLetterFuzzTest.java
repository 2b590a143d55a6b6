package org.rebond.domain.letter;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rebond.domain.DebriefNotes;
import org.rebond.domain.JobAsk;
import org.rebond.domain.NotesParser;

/**
 * The thank-you's sentences, fuzzed (Jazzer): whatever the notes hold, each becomes at most one
 * sentence of one line, in bounded time, and a note asking for a job never reaches the letter.
 */
class ThankYouLetterFuzzTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    @FuzzTest(maxDuration = "2m")
    void anyNotesGiveOneLineSentencesAndNeverAJobAsk(FuzzedDataProvider data) {
        Locale language = data.consumeBoolean() ? Locale.FRENCH : Locale.ENGLISH;
        List<String> points = new ArrayList<>();
        List<String> leads = new ArrayList<>();
        List<String> next = new ArrayList<>();
        int items = data.consumeInt(0, 8);
        for (int i = 0; i < items; i++) {
            String item = data.consumeString(NotesParser.MAX_ITEM_CHARS).replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ").strip();
            if (item.isEmpty()) {
                continue;
            }
            (i % 3 == 0 ? points : i % 3 == 1 ? leads : next).add(item);
        }
        DebriefNotes notes = new DebriefNotes(points, leads, List.of(), "", next);
        long start = System.nanoTime();

        ThankYouLetter letter = ThankYouLetter.write(notes, language, w -> w.length() > 3, item -> JobAsk.in(item, language).isPresent());

        assertThat(letter.learned()).hasSizeLessThanOrEqualTo(points.size());
        assertThat(letter.leftOut()).hasSizeLessThanOrEqualTo(points.size() + leads.size() + next.size());
        List<String> written = new ArrayList<>(letter.learned());
        written.addAll(letter.leads());
        written.addAll(letter.nextSteps());
        for (String sentence : written) {
            assertThat(sentence).isNotBlank().doesNotContainPattern("[\\r\\n]").hasSizeLessThanOrEqualTo(NotesParser.MAX_ITEM_CHARS + 200);
        }
        for (String left : letter.leftOut()) {
            assertThat(written).noneMatch(sentence -> sentence.contains(left));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }
}
