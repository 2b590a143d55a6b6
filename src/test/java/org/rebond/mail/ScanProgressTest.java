package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanProgressTest {

    private long nanos;

    @Test
    void aLongScanShowsCountRateAndTimeLeftAtTheChosenIntervalNeverMoreThanOncePerSecond() {
        List<String> lines = new ArrayList<>();
        ScanProgress p = new ScanProgress("INBOX", 100_000, () -> nanos, Duration.ofMillis(100), lines::add);
        for (int i = 0; i < 200; i++) { // 200 batches of 500, one every 0.1 s: 20 s in all
            nanos += 100_000_000L;
            p.advance(500);
        }
        assertThat(lines.size()).as("at most one line per second over 20 s").isBetween(18, 21);
        assertThat(lines.get(0)).isEqualTo("reading INBOX: 5,000/100,000 messages (5%), 5,000 per second, about 19 s left");
        assertThat(lines.get(lines.size() - 1)).startsWith("read INBOX: 100,000 messages in 20.0 s (5,000 per second)");
    }

    @Test
    void underSystemdALineComesEveryFewSeconds() {
        List<String> lines = new ArrayList<>();
        ScanProgress p = new ScanProgress("Sent", 10_000, () -> nanos, Duration.ofSeconds(10), lines::add);
        for (int i = 0; i < 20; i++) { // 20 batches, 2 s each: 40 s
            nanos += 2_000_000_000L;
            p.advance(500);
        }
        assertThat(lines).hasSize(4); // at 10, 20, 30 s and the final line at 40 s
        assertThat(lines.get(1)).contains("5,000/10,000").contains("about 20 s left");
    }

    @Test
    void onATerminalTheLineIsRewrittenInPlaceAndEndedOnce() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ScanProgress p = new ScanProgress("INBOX", 1_000, () -> nanos, Duration.ofSeconds(1),
                ScanProgress.terminal(new PrintStream(err, true, StandardCharsets.UTF_8)));
        nanos += 1_500_000_000L;
        p.advance(500);
        nanos += 1_500_000_000L;
        p.advance(500);
        String out = err.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("\rreading INBOX: 500/1,000").contains("\rread INBOX: 1,000 messages").endsWith("\n");
        assertThat(out.chars().filter(c -> c == '\n').count()).isEqualTo(1);
    }

    @Test
    void twoFoldersReadAtOnceShareOneTerminalLineAndTheOneFinishedFirstKeepsItsLastLineAbove() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ScanProgress.Output line = ScanProgress.terminal(new PrintStream(err, true, StandardCharsets.UTF_8));
        ScanProgress inbox = new ScanProgress("INBOX", 100_000, () -> nanos, Duration.ofSeconds(1), line);
        ScanProgress sent = new ScanProgress("Sent", 2_000, () -> nanos, Duration.ofSeconds(1), line);
        nanos += 1_500_000_000L;
        inbox.advance(10_000);
        sent.advance(1_000);
        nanos += 1_500_000_000L;
        sent.advance(1_000);
        inbox.advance(10_000);

        String[] lines = err.toString(StandardCharsets.UTF_8).split("\n", -1);
        assertThat(lines).hasSize(2);
        // Sent's line, shorter, blanks out the rest of INBOX's before it: nothing of INBOX's is left on it.
        String sentLine = lines[0].substring(lines[0].lastIndexOf('\r') + 1);
        assertThat(sentLine.strip()).isEqualTo("read Sent: 2,000 messages in 3.0 s (667 per second)");
        assertThat(lines[1]).startsWith("\rreading INBOX: 20,000/100,000");
    }
}
