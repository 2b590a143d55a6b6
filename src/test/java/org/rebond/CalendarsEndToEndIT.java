package org.rebond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.application.MessageArrivals;
import org.rebond.application.Outbox;
import org.rebond.calendar.Radicale;
import org.rebond.config.ConfigLoader;
import org.rebond.domain.Action;
import org.rebond.domain.Interview;
import org.rebond.domain.PrepEvent;

/**
 * The daemon as configured by a user with a CalDAV calendar (Radicale) and a prep calendar: an
 * interview put in the calendar is taken up, its brief reaches the INBOX (GreenMail) and its prep
 * event the prep calendar, which follows the interview when it moves and when it is deleted.
 */
class CalendarsEndToEndIT {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final DateTimeFormatter ICS = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Radicale radicale;
    private TestMailbox mailbox;
    private SteppedClock clock;
    private App app;

    @BeforeEach
    void start() throws Exception {
        radicale = Radicale.start(dir.resolve("radicale"));
        mailbox = new TestMailbox(true);
        clock = new SteppedClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @AfterEach
    void stop() {
        if (app != null) app.close();
        if (mailbox != null) mailbox.close();
        if (radicale != null) radicale.close();
    }

    private static String event(int sequence, Instant start) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//phone//EN\r\nBEGIN:VEVENT\r\nUID:cal-iv@acme-health.example\r\n"
                + "DTSTAMP:" + ICS.format(start.minus(Duration.ofDays(10))) + "\r\nSEQUENCE:" + sequence + "\r\n"
                + "DTSTART:" + ICS.format(start) + "\r\nDTEND:" + ICS.format(start.plus(Duration.ofMinutes(30))) + "\r\n"
                + "SUMMARY:Information interview Camille / Jeanne\r\n"
                + "ORGANIZER;CN=Jeanne Roe:mailto:" + TestMailbox.CONTACT + "\r\n"
                + "ATTENDEE;CN=Jeanne Roe:mailto:" + TestMailbox.CONTACT + "\r\n"
                + "ATTENDEE;CN=Camille Martin:mailto:" + TestMailbox.USER + "\r\n"
                + "END:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    @Test
    void anInterviewInTheCalendarGetsItsBriefAndAPrepEventThatFollowsItUntilItIsDeleted() throws Exception {
        radicale.mkcalendar("personal", "VEVENT");
        URI prep = radicale.mkcalendar("rebond", "VEVENT");
        Instant start = Daytime.tenInParis(clock.instant().plus(Duration.ofDays(3)));
        radicale.put("personal", "iv.ics", event(0, start));
        Path config = mailbox.writeConfig(dir, null);
        Path davPassword = dir.resolve("dav-pw");
        Files.writeString(davPassword, Radicale.PASSWORD + "\n");
        Files.setPosixFilePermissions(davPassword, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(config, Files.readString(config) + """
                calendars:
                  - type: caldav
                    url: "%s"
                    username: %s
                    password_file: dav-pw
                    allow_plaintext_on_loopback: true
                    interval: 1s
                    prep_calendar: "%s"
                """.formatted(radicale.root(), Radicale.USER, prep));
        app = App.start(new ConfigLoader().load(config), new App.Options(clock, Clock.systemUTC(), UnaryOperator.identity(),
                (id, action, result) -> { }, MessageArrivals.Listener.NONE, Duration.ofMinutes(1), App.QUARTZ));

        await().atMost(BOUND).until(() -> app.store().all().size() == 1);
        Interview interview = app.store().all().get(0);
        assertThat(interview.uid()).isEqualTo("cal-iv@acme-health.example");
        URI prepHref = prep.resolve(PrepEvent.uidFor(interview.uid(), "").replace("@rebond", "") + ".ics");

        clock.set(start.minus(Duration.ofHours(24)).plusSeconds(1));
        app.clockChanged();
        await().atMost(BOUND).until(() -> app.outbox().find(interview.id(), Action.BRIEF).map(e -> e.state() == Outbox.State.DONE).orElse(false));
        assertThat(mailbox.rebondMessages("INBOX")).hasSize(1);
        await().atMost(BOUND).until(() -> radicale.get(prepHref).status() == 200);
        assertThat(radicale.get(prepHref).text()).contains("DTSTART:" + ICS.format(start.minus(Duration.ofMinutes(30))));

        Instant later = start.plus(Duration.ofHours(5));
        radicale.put("personal", "iv.ics", event(1, later));
        await().atMost(BOUND).until(() -> radicale.get(prepHref).text().contains("DTSTART:" + ICS.format(later.minus(Duration.ofMinutes(30)))));

        radicale.delete("personal", "iv.ics");
        await().atMost(BOUND).until(() -> radicale.get(prepHref).status() == 404);
        assertThat(app.store().all()).singleElement().extracting(Interview::state).isEqualTo(Interview.State.CANCELLED);
        await().atMost(BOUND).until(() -> mailbox.rebondMessages("INBOX").size() >= 3);
        assertThat(mailbox.rebondMessages("INBOX")).as("one brief, then the mail updates of its prep event (moved, cancelled)")
                .extracting(TestMailbox.Seen::subject)
                .satisfiesExactly(s -> assertThat(s).contains(": prep for your"), s -> assertThat(s).startsWith("Moved:"),
                        s -> assertThat(s).startsWith("Cancelled:"));
    }
}
