package org.rebond.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.rebond.domain.ItipOrder.Comparison;

class ItipOrderTest {

    private static final Instant EARLY = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant LATE = Instant.parse("2025-03-02T10:00:00Z");

    @Test
    void aHigherSequenceIsNewerEvenWithAnEarlierDtstamp() {
        assertThat(ItipOrder.compare(2, EARLY, 1, LATE)).isEqualTo(Comparison.NEWER);
    }

    @Test
    void aLowerSequenceIsOlderEvenWithALaterDtstamp() {
        assertThat(ItipOrder.compare(1, LATE, 2, EARLY)).isEqualTo(Comparison.OLDER);
    }

    @Test
    void theSameSequenceWithALaterDtstampIsAMinorUpdate() {
        assertThat(ItipOrder.compare(3, LATE, 3, EARLY)).isEqualTo(Comparison.NEWER);
        assertThat(ItipOrder.compare(3, EARLY, 3, LATE)).isEqualTo(Comparison.OLDER);
    }

    @Test
    void theSameSequenceAndDtstampIsTheSameVersion() {
        assertThat(ItipOrder.compare(3, EARLY, 3, EARLY)).isEqualTo(Comparison.SAME);
    }

    @Test
    void aMissingDtstampOnEitherSideLeavesTheSequenceToDecide() {
        assertThat(ItipOrder.compare(3, null, 3, EARLY)).isEqualTo(Comparison.SAME);
        assertThat(ItipOrder.compare(3, EARLY, 3, null)).isEqualTo(Comparison.SAME);
        assertThat(ItipOrder.compare(4, null, 3, EARLY)).isEqualTo(Comparison.NEWER);
    }

    @Test
    void largeSequenceNumbersCompareWithoutOverflow() {
        assertThat(ItipOrder.compare(Integer.MAX_VALUE, EARLY, Integer.MIN_VALUE, EARLY)).isEqualTo(Comparison.NEWER);
        assertThat(ItipOrder.compare(0, EARLY, Integer.MAX_VALUE, EARLY)).isEqualTo(Comparison.OLDER);
    }
}
