package org.rebond.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How calendar syncs are paced (the syncs themselves run against real sources in the calendar adapter's tests). */
class CalendarSyncTest {

    @Test
    void failuresBackOffFromTheIntervalUpToAnHour() {
        assertThat(CalendarSync.backoff(Duration.ofMinutes(5), 1)).isEqualTo(Duration.ofMinutes(5));
        assertThat(CalendarSync.backoff(Duration.ofMinutes(5), 3)).isEqualTo(Duration.ofMinutes(20));
        assertThat(CalendarSync.backoff(Duration.ofMinutes(5), 30)).isEqualTo(Duration.ofHours(1));
        assertThat(CalendarSync.backoff(Duration.ofHours(2), 4)).isEqualTo(Duration.ofHours(2));
    }
}
