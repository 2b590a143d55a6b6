package org.rebond.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the test calendars under {@code src/test/resources/calendar/}. */
final class Fixtures {
    private Fixtures() {}

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/calendar/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParsedCalendar parse(String name) throws CalendarRejected {
        return new CalendarParser(CalendarLimits.defaults()).parse(bytes(name));
    }

    static ParsedCalendar parseText(String ics) throws CalendarRejected {
        return new CalendarParser(CalendarLimits.defaults()).parse(ics.getBytes(StandardCharsets.UTF_8));
    }
}
