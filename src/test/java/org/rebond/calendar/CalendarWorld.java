package org.rebond.calendar;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.rebond.SteppedClock;
import org.rebond.application.CalendarSource;
import org.rebond.application.CalendarSync;
import org.rebond.application.InterviewService;
import org.rebond.domain.DetectionRules;
import org.rebond.domain.Interview;
import org.rebond.domain.InterviewDetector;
import org.rebond.domain.Planner;
import org.rebond.domain.Policy;
import org.rebond.schedule.ActionJobFactory;
import org.rebond.schedule.QuartzActionScheduler;
import org.rebond.store.Database;
import org.rebond.store.SqlCalendarState;
import org.rebond.store.SqlInterviewStore;
import org.rebond.store.SqlMessageHistory;
import org.rebond.store.SqlOutbox;
import org.rebond.store.SqlQuarantine;

/**
 * Everything behind a calendar source, real: SQLite, the interview store, the service, a Quartz
 * scheduler that is never started (nothing fires), the quarantine and the sync state.
 */
final class CalendarWorld implements AutoCloseable {

    static final String USER = "camille.martin@example.org";
    static final String CONTACT = "marc.lefevre@acme.example";
    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    static final Instant START = Instant.parse("2026-12-01T09:00:00Z");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    final SteppedClock clock = new SteppedClock(NOW);
    final Database db;
    final SqlInterviewStore store;
    final SqlOutbox outbox;
    final SqlQuarantine quarantine;
    final SqlCalendarState state;
    final QuartzActionScheduler scheduler;
    final InterviewService service;
    final CalendarParser parser = new CalendarParser(CalendarLimits.defaults());

    CalendarWorld(Path dir) {
        db = Database.open(dir.resolve("rebond.db"));
        store = new SqlInterviewStore(db, clock);
        outbox = new SqlOutbox(db);
        quarantine = new SqlQuarantine(db, clock);
        state = new SqlCalendarState(db, clock);
        scheduler = new QuartzActionScheduler(db.dataSource(), new ActionJobFactory(null, (id, action, result) -> { }), clock, clock, 1);
        service = new InterviewService(store, scheduler, new InterviewDetector(DetectionRules.defaults(), Set.of(USER), addr -> false),
                new SqlMessageHistory(db, Set.of(USER)), new Planner(Policy.defaults()), ZoneId.of("Europe/Paris"), clock);
    }

    CalendarSync sync(CalendarSource... sources) {
        return sync(() -> { }, sources);
    }

    CalendarSync sync(Runnable afterSync, CalendarSource... sources) {
        return new CalendarSync(List.of(sources), new IcalCalendarReader(CalendarLimits.defaults()), service, quarantine, state, CalendarLimits.defaults().maxCalendarPartBytes(),
                ZoneId.of("Europe/Paris"), clock, Duration.ofDays(30), Duration.ofDays(400), afterSync);
    }

    List<Interview> interviews() {
        return store.all();
    }

    Interview only() {
        List<Interview> all = store.all();
        if (all.size() != 1) throw new AssertionError("expected one interview, found " + all.size() + ": " + all);
        return all.get(0);
    }

    /** An information interview as the user's calendar holds it: Marc organizes, Camille attends. */
    static String interview(String uid, int sequence, Instant start) {
        return event(uid, sequence, start, "Information interview with Marc Lefèvre");
    }

    static String event(String uid, int sequence, Instant start, String summary) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//rebond tests//EN\r\nBEGIN:VEVENT\r\n"
                + "UID:" + uid + "\r\n"
                + "DTSTAMP:20261110T090000Z\r\n"
                + "SEQUENCE:" + sequence + "\r\n"
                + "DTSTART:" + UTC.format(start) + "\r\n"
                + "DTEND:" + UTC.format(start.plus(Duration.ofMinutes(30))) + "\r\n"
                + "SUMMARY:" + summary + "\r\n"
                + "ORGANIZER;CN=Marc Lefèvre:mailto:" + CONTACT + "\r\n"
                + "ATTENDEE;CN=Marc Lefèvre;PARTSTAT=ACCEPTED:mailto:" + CONTACT + "\r\n"
                + "ATTENDEE;CN=Camille Martin;PARTSTAT=ACCEPTED:mailto:" + USER + "\r\n"
                + "END:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    static byte[] bytes(String ics) {
        return ics.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        scheduler.stop(false);
        db.close();
    }
}
