package org.rebond.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelativeDayTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @ParameterizedTest(name = "{1} seen from {0}: {2}")
    @CsvSource({
            "2026-12-09T09:00:00Z, 2026-12-09T17:00:00Z, TODAY",
            "2026-12-09T23:30:00Z, 2026-12-10T09:00:00Z, TODAY",
            "2026-12-09T09:00:00Z, 2026-12-10T09:00:00Z, TOMORROW",
            "2026-12-09T09:00:00Z, 2026-12-15T09:00:00Z, THIS_WEEK",
            "2026-12-09T09:00:00Z, 2026-12-16T09:00:00Z, LATER",
            "2026-12-09T09:00:00Z, 2026-12-08T09:00:00Z, PAST"})
    void aMomentIsPlacedFromTheReadersDayInTheirZone(Instant now, Instant moment, RelativeDay expected) {
        assertThat(RelativeDay.of(now, moment, PARIS)).isEqualTo(expected);
    }
}
