package org.rebond.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The vocabulary extraction, fuzzed (Jazzer): whatever the messages say, the keywords are at most
 * {@code max}, distinct, lower-case words of letters only that the contact did write.
 */
class KeywordsFuzzTest {

    private static final Keywords KEYWORDS = new Keywords();
    private static final Duration BOUND = Duration.ofSeconds(10);

    @FuzzTest(maxDuration = "2m")
    void keywordsAreAtMostMaxDistinctLowerCaseWordsTheContactWrote(FuzzedDataProvider data) {
        int max = data.consumeInt(-1, 12);
        List<String> contact = texts(data, data.consumeInt(0, 4));
        List<String> mailbox = texts(data, data.consumeInt(0, 4));
        mailbox.add(data.consumeRemainingAsString());
        long start = System.nanoTime();

        List<String> keywords = KEYWORDS.distinctive(contact, mailbox, max);

        assertThat(keywords).hasSizeLessThanOrEqualTo(Math.max(max, 0)).doesNotHaveDuplicates();
        Set<String> written = new HashSet<>();
        contact.forEach(text -> written.addAll(Keywords.words(text)));
        for (String word : keywords) {
            assertThat(word).matches("\\p{L}{4,30}").isEqualTo(word.toLowerCase(Locale.ROOT));
            assertThat(written).contains(word);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }

    private static List<String> texts(FuzzedDataProvider data, int count) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            texts.add(data.consumeString(2000));
        }
        return texts;
    }
}
