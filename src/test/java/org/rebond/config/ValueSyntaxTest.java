package org.rebond.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueSyntaxTest {

    @Test
    void durationsAreWrittenWithUnitsOrInIso8601() {
        assertThat(DurationSyntax.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationSyntax.parse("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(DurationSyntax.parse("24h")).isEqualTo(Duration.ofHours(24));
        assertThat(DurationSyntax.parse("21d")).isEqualTo(Duration.ofDays(21));
        assertThat(DurationSyntax.parse("2w")).isEqualTo(Duration.ofDays(14));
        assertThat(DurationSyntax.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationSyntax.parse("1w2d3h4m5s")).isEqualTo(Duration.parse("P9DT3H4M5S"));
        assertThat(DurationSyntax.parse("PT24H")).isEqualTo(Duration.ofHours(24));
        assertThat(DurationSyntax.parse("pt1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationSyntax.parse("P2D")).isEqualTo(Duration.ofDays(2));
        assertThat(DurationSyntax.parse(" 0m ")).isZero();
        assertThat(DurationSyntax.parse("-5m")).isEqualTo(Duration.ofMinutes(-5));
    }

    @Test
    void aDurationWithoutUnitOrInTheWrongOrderIsRefusedWithTheExpectedSyntax() {
        assertThatThrownBy(() -> DurationSyntax.parse("30")).hasMessage("needs a unit (s, m, h, d or w), e.g. 30m or 30s");
        for (String bad : List.of("30x", "30m1h", "1.5h", "", "P", "PTxH", "h", "99999999999999999999w")) {
            assertThatThrownBy(() -> DurationSyntax.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void durationsAreFormattedTheWayTheyAreWritten() {
        assertThat(DurationSyntax.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(DurationSyntax.format(Duration.ofDays(21))).isEqualTo("3w");
        assertThat(DurationSyntax.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(DurationSyntax.format(Duration.ofMillis(500))).isEqualTo("500ms");
    }

    @Test
    void sizesAreBytesOrDecimalOrBinaryUnits() {
        assertThat(ByteSizeSyntax.parse("1048576")).isEqualTo(1_048_576L);
        assertThat(ByteSizeSyntax.parse("25MiB")).isEqualTo(25L * 1024 * 1024);
        assertThat(ByteSizeSyntax.parse("512KiB")).isEqualTo(512L * 1024);
        assertThat(ByteSizeSyntax.parse("1MB")).isEqualTo(1_000_000L);
        assertThat(ByteSizeSyntax.parse("2 GiB")).isEqualTo(2L << 30);
        assertThat(ByteSizeSyntax.parse("10kb")).isEqualTo(10_000L);
        assertThat(ByteSizeSyntax.parse("100B")).isEqualTo(100L);
    }

    @Test
    void aSizeWithAnUnknownUnitOrNoNumberIsRefused() {
        assertThatThrownBy(() -> ByteSizeSyntax.parse("25 parsecs")).hasMessageContaining("unknown unit \"parsecs\"");
        assertThatThrownBy(() -> ByteSizeSyntax.parse("MiB")).hasMessageContaining("must be a size");
        assertThatThrownBy(() -> ByteSizeSyntax.parse("1.5MiB")).hasMessageContaining("must be a size");
        assertThatThrownBy(() -> ByteSizeSyntax.parse("99999999999GiB")).hasMessage("is too large");
    }

    @Test
    void theNearestNameIgnoresCaseAndSeparatorsAndRefusesFarGuesses() {
        List<String> keys = List.of("poll_interval", "read_timeout", "time_zone", "host");

        assertThat(NearestName.among("pol_interval", keys)).contains("poll_interval");
        assertThat(NearestName.among("timeZone", keys)).contains("time_zone");
        assertThat(NearestName.among("hsot", keys)).contains("host");
        assertThat(NearestName.among("banana", keys)).isEmpty();
    }
}
