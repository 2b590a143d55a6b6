package org.rebond.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.rebond.application.CalendarReader;
import org.rebond.application.InvitationTriage;
import org.rebond.config.RebondConfig;
import org.rebond.domain.CalendarEvent;
import org.rebond.domain.DetectionRules;
import org.rebond.domain.InterviewDetector;
import org.rebond.domain.Invitation;

/**
 * The daemon's door, fuzzed (Jazzer): any bytes given as a calendar part, an .ics file or an .eml
 * file are read or refused with the documented rejection, never another exception or error, in
 * bounded time, and what comes out is capped and free of control characters. In {@code mvn verify}
 * each harness runs over its seeds in {@code CalendarFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes (docs/development.md).
 */
class CalendarFuzzTest {

    private static final RebondConfig.Limits LIMITS = CalendarLimits.defaults();
    private static final IcalCalendarReader READER = new IcalCalendarReader(LIMITS);
    private static final InvitationTriage TRIAGE = new InvitationTriage(READER,
            new InterviewDetector(DetectionRules.defaults(), Set.of("me@example.org"), address -> false));
    private static final CalendarParts PARTS = new CalendarParts(LIMITS);
    /** Far above what a seed takes; a regular expression or a loop gone quadratic is over it. */
    private static final Duration BOUND = Duration.ofSeconds(10);

    @FuzzTest(maxDuration = "2m")
    void anyCalendarPartIsReadOrRejectedAndItsEventsAreCappedAndOneLine(byte[] content) {
        long start = System.nanoTime();
        try {
            Invitation invitation = READER.invitation(content, "REQUEST");
            assertThat(invitation.mimeMethod()).isEqualTo("REQUEST");
            assertWellFormed(invitation.events());
            assertThat(invitation.calendarMethod()).doesNotContainPattern("\\p{Cntrl}");
        } catch (CalendarReader.Rejected rejected) {
            assertThat(rejected.getMessage()).isNotBlank().doesNotContainPattern("[\\r\\n]");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }

    @FuzzTest(maxDuration = "2m")
    void anyFollowedCalendarObjectIsReadOrRejectedAndTriagedWithoutException(byte[] ics) {
        long start = System.nanoTime();
        try {
            assertWellFormed(READER.events(ics));
        } catch (CalendarReader.Rejected rejected) {
            assertThat(rejected.getMessage()).isNotBlank();
        }
        InvitationTriage.PartVerdict verdict = TRIAGE.triage(ics, "");
        assertThat(verdict.invitation().isPresent() || verdict.setAside().isPresent()).as("read, or set aside with a reason").isTrue();
        verdict.events().forEach(judged -> assertThat(judged.verdict()).isNotNull());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }

    /** As {@code inspect} reads an .eml file: the MIME walk, then each calendar part judged. */
    @FuzzTest(maxDuration = "2m")
    void anyMailIsWalkedForItsCalendarPartsWithoutExceptionAndEachPartIsCapped(byte[] eml) {
        long start = System.nanoTime();
        MimeMessage message;
        try {
            message = PARTS.readMessage(new ByteArrayInputStream(eml));
        } catch (CalendarRejected rejected) {
            assertThat(rejected.getMessage()).isNotBlank();
            return;
        } catch (IOException cannotHappen) {
            throw new AssertionError("reading bytes in memory failed", cannotHappen);
        }
        List<CalendarParts.CalendarPart> found = PARTS.of(message);
        for (int i = 0; i < found.size(); i++) {
            CalendarParts.CalendarPart part = found.get(i);
            assertThat(part.index()).isEqualTo(i + 1);
            assertThat((long) part.content().length).isLessThanOrEqualTo(LIMITS.maxCalendarPartBytes() + 1);
            assertThat(part.mimeMethod()).doesNotContainPattern("\\p{Cntrl}").isEqualTo(part.mimeMethod().strip());
            InvitationTriage.PartVerdict verdict = TRIAGE.triage(part.content(), part.mimeMethod());
            verdict.invitation().ifPresent(invitation -> assertWellFormed(invitation.events()));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }

    private static void assertWellFormed(List<CalendarEvent> events) {
        assertThat(events).hasSizeLessThanOrEqualTo(LIMITS.maxComponents());
        for (CalendarEvent e : events) {
            assertThat(e.component()).isIn("VEVENT", "VTODO");
            assertOneLine(e.uid(), 1000);
            assertOneLine(e.status(), 40);
            assertOneLine(e.summary(), CalendarParser.MAX_SUMMARY);
            assertOneLine(e.location(), CalendarParser.MAX_LOCATION);
            assertOneLine(e.organizer(), 1000);
            assertOneLine(e.organizerName(), 200);
            // RRULE is kept raw: it is only parsed for the recurrence window, never shown or stored as text.
            assertThat(e.rrule()).isNotNull();
            assertThat(e.description()).hasSizeLessThanOrEqualTo(CalendarParser.MAX_DESCRIPTION)
                    .doesNotContainPattern("[\\p{Cntrl}&&[^\\n]]");
            e.attendees().forEach(a -> {
                assertOneLine(a.email(), 1000);
                assertOneLine(a.name(), 200);
            });
            e.categories().forEach(category -> assertOneLine(category, 100));
            e.warnings().forEach(warning -> assertThat(warning).doesNotContainPattern("[\\r\\n]"));
        }
    }

    private static void assertOneLine(String value, int max) {
        assertThat(value).isNotNull().hasSizeLessThanOrEqualTo(max).doesNotContainPattern("[\\p{Cntrl}\\u2028\\u2029]");
    }
}
