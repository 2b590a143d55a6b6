package org.rebond.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rebond.calendar.CalendarWorld.START;
import static org.rebond.calendar.CalendarWorld.interview;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.application.CalendarSync;
import org.rebond.application.Outbox;
import org.rebond.application.OutgoingMessage;
import org.rebond.application.PrepEventKeeper;
import org.rebond.domain.Action;
import org.rebond.domain.Interview;
import org.rebond.domain.PrepEvent;

/** The prep event in the user's CalDAV calendar (issue 4, item 8), against a real Radicale. */
class CalDavPrepCalendarIT {

    private static final String BRIEF_HTML = "<h1>Prep: information interview with Marc Lefèvre</h1><p>Questions about his path…</p>";
    private static final Duration PREP = Duration.ofMinutes(30);

    @TempDir
    Path dir;

    private Radicale radicale;
    private CalendarWorld world;
    private CalDavPrepCalendar prepCalendar;
    private PrepEventKeeper keeper;
    private CalDavCalendarSource source;
    private CalendarSync sync;

    @BeforeEach
    void start() throws IOException {
        radicale = Radicale.start(dir.resolve("radicale"));
        world = new CalendarWorld(dir);
        radicale.mkcalendar("work", "VEVENT");
        URI rebond = radicale.mkcalendar("rebond", "VEVENT");
        prepCalendar = new CalDavPrepCalendar(rebond, radicale.client, world.state, world.clock);
        keeper = new PrepEventKeeper(world.store, world.outbox, prepCalendar,
                i -> new PrepEventKeeper.Brief("Prep: " + i.summary(), "Questions about his path…", BRIEF_HTML), PREP, world.clock);
        source = new CalDavCalendarSource(radicale.root(), radicale.client, world.state, world.clock, Duration.ofMinutes(5),
                Duration.ofDays(30), Duration.ofDays(400), CalDavCalendarSource.Mode.AUTO);
        sync = world.sync(keeper::upkeep, source);
    }

    @AfterEach
    void stop() {
        if (world != null) world.close();
        if (radicale != null) radicale.close();
    }

    private Interview interviewInTheCalendar(String uid) {
        radicale.put("work", "marc.ics", interview(uid, 0, START));
        sync.syncNow(source);
        return world.only();
    }

    private void briefDelivered(Interview interview) {
        Outbox.Entry entry = world.outbox.begin(interview.id(), Action.BRIEF, OutgoingMessage.Destination.INBOX, "token-1",
                "<rebond.token-1@example.org>", world.clock.instant());
        world.outbox.markDone(entry.id(), 7, world.clock.instant());
    }

    private String prepEventText(Interview interview) {
        DavClient.Response r = radicale.get(prepCalendar.hrefOf(interview.uid(), interview.recurrenceId()));
        assertThat(r.status()).as("the prep event is in the prep calendar").isEqualTo(200);
        return r.text().replace("\r\n ", "").replace("\n ", "");
    }

    private static String property(String ics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "[;:](.*?)\\r?$").matcher(ics);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void nothingIsWrittenBeforeTheBriefIsDelivered() {
        Interview interview = interviewInTheCalendar("marc-p0@acme.example");

        assertThat(keeper.upkeep()).isZero();

        assertThat(radicale.get(prepCalendar.hrefOf(interview.uid(), interview.recurrenceId())).status()).isEqualTo(404);
    }

    @Test
    void onceTheBriefIsDeliveredThePrepEventIsInThePrepCalendarWithTheBriefAttachedIntact() {
        Interview interview = interviewInTheCalendar("marc-p1@acme.example");
        briefDelivered(interview);

        assertThat(keeper.upkeep(interview.id())).isTrue();

        String ics = prepEventText(interview);
        assertThat(property(ics, "UID")).isEqualTo(PrepEvent.uidFor(interview.uid(), interview.recurrenceId()));
        assertThat(property(ics, "DTSTART")).isEqualTo("20261201T083000Z");
        assertThat(property(ics, "DTEND")).isEqualTo("20261201T090000Z");
        assertThat(property(ics, "RELATED-TO")).isEqualTo(interview.uid());
        assertThat(ics).doesNotContain("METHOD:").doesNotContain("ATTENDEE").doesNotContain("ORGANIZER");
        String attach = property(ics, "ATTACH");
        assertThat(attach).contains("ENCODING=BASE64").contains("FMTTYPE=text/html");
        String base64 = attach.substring(attach.lastIndexOf(':') + 1);
        assertThat(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8)).isEqualTo(BRIEF_HTML);
        assertThat(keeper.upkeep()).as("already in step").isZero();
    }

    @Test
    void whenTheInterviewMovesThePrepEventMovesWithAHigherSequenceAndIsNotDuplicated() {
        Interview interview = interviewInTheCalendar("marc-p2@acme.example");
        briefDelivered(interview);
        keeper.upkeep();
        int firstSequence = Integer.parseInt(property(prepEventText(interview), "SEQUENCE"));

        Instant moved = START.plus(Duration.ofDays(2));
        radicale.put("work", "marc.ics", interview(interview.uid(), 1, moved));
        sync.syncNow(source);

        String ics = prepEventText(interview);
        assertThat(property(ics, "DTSTART")).isEqualTo("20261203T083000Z");
        assertThat(Integer.parseInt(property(ics, "SEQUENCE"))).isGreaterThan(firstSequence);
        assertThat(calendarObjects("rebond")).as("one prep event, updated in place").isEqualTo(1);
    }

    @Test
    void aPrepEventChangedMeanwhileOnTheServerIsReadAgainAndUpdatedOnce() {
        Interview interview = interviewInTheCalendar("marc-p3@acme.example");
        briefDelivered(interview);
        keeper.upkeep();
        URI href = prepCalendar.hrefOf(interview.uid(), interview.recurrenceId());
        // Another client edits the prep event: the ETag rebond kept is stale now (412 on If-Match).
        String edited = prepEventText(interview).replaceAll("(?m)^SEQUENCE:\\d+", "SEQUENCE:5").replace("TRANSP:TRANSPARENT", "TRANSP:OPAQUE");
        assertThat(radicale.client.send("PUT", href, Map.of("Content-Type", "text/calendar"), edited).ok()).isTrue();

        radicale.put("work", "marc.ics", interview(interview.uid(), 1, START.plus(Duration.ofHours(3))));
        sync.syncNow(source);

        String ics = prepEventText(interview);
        assertThat(property(ics, "DTSTART")).isEqualTo("20261201T113000Z");
        assertThat(Integer.parseInt(property(ics, "SEQUENCE"))).isGreaterThan(5);
    }

    @Test
    void whenTheInterviewIsCancelledThePrepEventIsDeletedAndTheOrganizersEventIsLeftAlone() {
        Interview interview = interviewInTheCalendar("marc-p4@acme.example");
        briefDelivered(interview);
        keeper.upkeep();
        String organizersEvent = radicale.get(radicale.calendar("work").resolve("marc.ics")).text();

        radicale.put("work", "marc.ics", interview(interview.uid(), 1, START).replace("SUMMARY:", "STATUS:CANCELLED\r\nSUMMARY:"));
        String cancelledByOrganizer = radicale.get(radicale.calendar("work").resolve("marc.ics")).text();
        sync.syncNow(source);

        assertThat(world.only().state()).isEqualTo(Interview.State.CANCELLED);
        assertThat(radicale.get(prepCalendar.hrefOf(interview.uid(), interview.recurrenceId())).status()).isEqualTo(404);
        assertThat(calendarObjects("rebond")).isZero();
        assertThat(radicale.get(radicale.calendar("work").resolve("marc.ics")).text())
                .as("the organizer's event is only read, never written").isEqualTo(cancelledByOrganizer).isNotEqualTo(organizersEvent);
    }

    @Test
    void prepEventsWrittenIntoACalendarRebondAlsoReadAreNotTakenForInterviews() {
        CalDavPrepCalendar sameCalendar = new CalDavPrepCalendar(radicale.calendar("work"), radicale.client, world.state, world.clock);
        PrepEventKeeper inWork = new PrepEventKeeper(world.store, world.outbox, sameCalendar,
                i -> new PrepEventKeeper.Brief("Prep: information interview with Marc", "text", BRIEF_HTML), PREP, world.clock);
        Interview interview = interviewInTheCalendar("marc-p5@acme.example");
        briefDelivered(interview);
        inWork.upkeep();

        CalendarSync.Report report = sync.syncNow(source);

        assertThat(report.objects()).as("the prep event is read").isEqualTo(1);
        assertThat(report.created()).isZero();
        assertThat(world.interviews()).hasSize(1);
    }

    private int calendarObjects(String calendar) {
        DavClient.Response r = radicale.client.send("PROPFIND", radicale.calendar(calendar), Map.of("Depth", "1",
                "Content-Type", "application/xml"), "<?xml version=\"1.0\"?><d:propfind xmlns:d=\"DAV:\"><d:prop><d:getetag/></d:prop></d:propfind>");
        return (int) DavXml.parse(r.body(), "test").responses().stream().filter(x -> x.href().endsWith(".ics")).count();
    }
}
