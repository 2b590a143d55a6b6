package org.rebond.application;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.SteppedClock;
import org.rebond.calendar.CalendarLimits;
import org.rebond.calendar.CalendarParts;
import org.rebond.calendar.Ical4jSetup;
import org.rebond.calendar.IcalCalendarReader;
import org.rebond.calendar.Inspector;
import org.rebond.domain.DetectionRules;
import org.rebond.domain.InterviewDetector;
import org.rebond.domain.NotesParser;
import org.rebond.domain.Planner;
import org.rebond.domain.Policy;
import org.rebond.schedule.ActionJobFactory;
import org.rebond.schedule.QuartzActionScheduler;
import org.rebond.store.Database;
import org.rebond.store.SqlInterviewStore;
import org.rebond.store.SqlMessageHistory;
import org.rebond.store.SqlQuarantine;
import org.slf4j.LoggerFactory;

/**
 * The daemon's door for invitations: each calendar part is read and judged by the triage that
 * {@code rebond inspect} prints, so what inspect sets aside is what the daemon quarantines, and
 * what inspect detects, with its contact, is what the daemon follows.
 */
class MessageArrivalsTest {
    private static final String USER = "sam.martin@example.net";
    private static final Instant NOW = Instant.parse("2024-02-21T08:00:00Z");

    @TempDir
    Path dir;

    private final SteppedClock clock = new SteppedClock(NOW);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Database db;
    private SqlInterviewStore store;
    private SqlQuarantine quarantine;
    private QuartzActionScheduler scheduler;
    private InvitationTriage triage;
    private MessageArrivals arrivals;

    @BeforeAll
    static void setUpIcal4j() {
        Ical4jSetup.configureOnce();
    }

    /** The database the test runs on: an SQLite file here, PostgreSQL in {@link ApplicationOnPostgresIT}. */
    Database database(Path file) {
        return Database.open(file);
    }

    @BeforeEach
    void openTheDaemonsDoor() {
        db = database(dir.resolve("rebond.db"));
        store = new SqlInterviewStore(db, clock);
        quarantine = new SqlQuarantine(db, clock);
        SqlMessageHistory history = new SqlMessageHistory(db, Set.of(USER));
        // Never started: nothing fires.
        scheduler = new QuartzActionScheduler(db.dataSource(), new ActionJobFactory(null, (id, action, result) -> { }), clock, clock, 1);
        InterviewDetector detector = new InterviewDetector(DetectionRules.defaults(), Set.of(USER), store::isSuggestedContact);
        InterviewService interviews = new InterviewService(store, scheduler, detector, history, new Planner(Policy.defaults()),
                ZoneId.of("Europe/Paris"), clock);
        triage = new InvitationTriage(new IcalCalendarReader(CalendarLimits.defaults()), detector);
        arrivals = new MessageArrivals(interviews, store, history, quarantine, db, triage, new NotesParser(), Locale.ENGLISH,
                MessageArrivals.Listener.NONE);
        logs.start();
        Logger logger = (Logger) LoggerFactory.getLogger(MessageArrivals.class);
        // Its own level: a command run earlier in the same JVM (the demo) may have quietened the root logger.
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        logger.addAppender(logs);
    }

    @AfterEach
    void close() {
        Logger logger = (Logger) LoggerFactory.getLogger(MessageArrivals.class);
        logger.detachAppender(logs);
        logger.setLevel(null);
        scheduler.stop(false);
        db.close();
    }

    @Test
    void aRequestMailCarryingAPublishedCalendarIsTakenAsPublishedAndTheDisagreementIsLogged() throws Exception {
        Path mail = fixture("publish-in-a-request-mail.eml");

        arrive("INBOX:1:1", mail);

        assertThat(quarantine.all()).isEmpty();
        assertThat(store.all()).singleElement().satisfies(interview -> {
            assertThat(interview.uid()).isEqualTo("publish-in-request-1@example.org");
            assertThat(interview.contact().email()).isEqualTo("claire.dubois@example.org");
        });
        assertThat(logs.list).anySatisfy(line -> assertThat(line.getFormattedMessage())
                .isEqualTo("invitation in message INBOX:1:1 (part 1): mail says REQUEST, calendar says PUBLISH; the calendar's method is used"));
        assertThat(inspected(mail)).containsExactly("set aside: none, detected: true, contact: claire.dubois@example.org");
    }

    @Test
    void aRequestWithoutOrganizerIsQuarantinedWithTheReasonInspectGives() throws Exception {
        Path ics = fixture("request-without-organizer.ics");

        arrive("INBOX:1:2", ics);

        assertThat(store.all()).isEmpty();
        assertThat(quarantine.all()).singleElement().satisfies(item -> {
            assertThat(item.item()).isEqualTo("INBOX:1:2#1");
            assertThat(item.reason()).isEqualTo("REQUEST without ORGANIZER");
        });
        assertThat(inspected(ics)).containsExactly("set aside: REQUEST without ORGANIZER, detected: false, contact: ");
    }

    @Test
    void anInvitationTheUserOrganisedIsFollowedWithTheContactInspectNames() throws Exception {
        Path ics = fixture("apple-request.ics");

        arrive("INBOX:1:3", ics);

        assertThat(quarantine.all()).isEmpty();
        assertThat(store.all()).singleElement().satisfies(interview -> assertThat(interview.contact().email()).isEqualTo("paul.bernard@example.fr"));
        assertThat(inspected(ics)).containsExactly("set aside: none, detected: true, contact: paul.bernard@example.fr");
    }

    /** Delivers a mail's calendar parts (an {@code .ics} file as a part without {@code method=}) to the daemon's door. */
    private void arrive(String item, Path file) throws Exception {
        List<MessageArrivals.CalendarPart> parts;
        if (file.toString().endsWith(".eml")) {
            CalendarParts reader = new CalendarParts(CalendarLimits.defaults());
            MimeMessage message;
            try (InputStream in = Files.newInputStream(file)) {
                message = reader.readMessage(in);
            }
            parts = reader.of(message).stream().map(p -> new MessageArrivals.CalendarPart(p.index(), p.mimeMethod(), p.content())).toList();
        } else {
            parts = List.of(new MessageArrivals.CalendarPart(1, "", Files.readAllBytes(file)));
        }
        arrivals.arrived(new MessageArrivals.Arrival(item, new HashSet<>(), "claire.dubois@example.org", "<" + item + "@example.org>", "",
                Optional.empty(), parts));
        arrivals.flush(null);
    }

    /** What {@code rebond inspect} says of each event of the file, with the same triage. */
    private List<String> inspected(Path file) {
        Inspector.Reading reading = new Inspector(CalendarLimits.defaults(), triage).read(file);
        return reading.parts().stream().flatMap(part -> part.verdict().events().stream())
                .map(judged -> "set aside: " + judged.setAside().orElse("none") + ", detected: " + judged.verdict().detected()
                        + ", contact: " + judged.verdict().contact())
                .toList();
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(MessageArrivalsTest.class.getResource("/calendar/" + name).toURI());
    }
}
