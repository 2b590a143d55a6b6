package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MailDateFormat;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CommonDatesTest {

    private static final DateTimeFormatter RFC_5322 = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);

    @Test
    void theDatesMailersWriteReadAsJakartaMailReadsThem() throws ParseException {
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(26 * 4) - 12 * 4) * 15 * 60);
            ZonedDateTime at = Instant.ofEpochSecond(random.nextLong(4_000_000_000L)).atZone(offset);
            String header = RFC_5322.format(at);
            if (random.nextBoolean()) {
                header = header.substring(5); // no day name
            }
            if (random.nextInt(4) == 0) {
                header += " (CET)";
            }
            assertThat(CommonDates.parse(header)).as(header).isEqualTo(jakarta(header)).isEqualTo(at.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }
    }

    @Test
    void aDateWithoutSecondsOrWithSeveralSpacesIsReadToo() throws ParseException {
        for (String header : new String[] {"Tue, 11 Jun 2024 10:00 +0200", "11  Jun  2024  10:00:07  -0430", "Mon, 1 Jan 2024 00:00:00 +0000"}) {
            assertThat(CommonDates.parse(header)).as(header).isEqualTo(jakarta(header));
        }
    }

    @Test
    void whatIsNotInTheCommonFormIsLeftToTheLenientParser() {
        for (String header : new String[] {"", "Tue, 11 Jun 24 10:00:00 +0200", "11 Jun 2024 10:00:00 GMT", "11 Jun 2024 10:00:00 CEST",
                "31 Feb 2024 10:00:00 +0200", "11 jun 2024 10:00:00 +0200", "11 Jun 2024 25:00:00 +0200", "Tuesday, 11 Jun 2024 10:00 +0200",
                "11 Jun 2024 10:00:00 +0200 garbage", "11 Jun 2024 10:00:00", "2024-06-11T10:00:00Z", "11 Jun 2024 10:00:00 +2400",
                "11 Jun 2024 10:00:60 +0200", "\u0661\u0661 Jun 2024 10:00:00 +0200"}) {
            assertThat(CommonDates.parse(header)).as(header).isNull();
        }
    }

    private static Instant jakarta(String header) throws ParseException {
        return new MailDateFormat().parse(header).toInstant();
    }
}
