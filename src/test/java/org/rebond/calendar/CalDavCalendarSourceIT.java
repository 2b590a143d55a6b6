package org.rebond.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rebond.calendar.CalendarWorld.NOW;
import static org.rebond.calendar.CalendarWorld.START;
import static org.rebond.calendar.CalendarWorld.event;
import static org.rebond.calendar.CalendarWorld.interview;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.application.CalendarSync;
import org.rebond.domain.Interview;

/** CalDAV against a real Radicale: discovery, the sync-token path and the ctag/ETag fallback. */
class CalDavCalendarSourceIT {

    @TempDir
    Path dir;

    private Radicale radicale;
    private CalendarWorld world;

    @BeforeEach
    void startRadicale() throws IOException {
        radicale = Radicale.start(dir.resolve("radicale"));
        world = new CalendarWorld(dir);
    }

    @AfterEach
    void stop() {
        if (world != null) world.close();
        if (radicale != null) radicale.close();
    }

    private CalDavCalendarSource source(URI url, CalDavCalendarSource.Mode mode) {
        return new CalDavCalendarSource(url, radicale.client, world.state, world.clock, Duration.ofMinutes(5), Duration.ofDays(30),
                Duration.ofDays(400), mode);
    }

    @Test
    void discoveryFromTheServerRootFindsTheUsersEventCalendarsAndLeavesTaskListsOut() {
        radicale.mkcalendar("work", "VEVENT", "VTODO");
        radicale.mkcalendar("personal", "VEVENT");
        radicale.mkcalendar("tasks", "VTODO");

        assertThat(source(radicale.root(), CalDavCalendarSource.Mode.AUTO).discover())
                .containsExactlyInAnyOrder(radicale.calendar("work"), radicale.calendar("personal"));
        assertThat(source(radicale.calendar("personal"), CalDavCalendarSource.Mode.AUTO).discover())
                .as("a calendar URL is taken as it is").containsExactly(radicale.calendar("personal"));
    }

    @Test
    void theFirstSyncByTokenCreatesTheInformationInterviewAndNothingForTheOtherEvents() {
        radicale.mkcalendar("work", "VEVENT");
        radicale.put("work", "marc.ics", interview("marc-1@acme.example", 0, START));
        radicale.put("work", "dentist.ics", event("dentist-1@example.org", 0, START.plus(Duration.ofDays(2)), "Dentist"));
        CalDavCalendarSource source = source(radicale.root(), CalDavCalendarSource.Mode.AUTO);

        CalendarSync.Report report = world.sync(source).syncNow(source);

        assertThat(report.objects()).isEqualTo(2);
        assertThat(report.created()).isEqualTo(1);
        Interview taken = world.only();
        assertThat(taken.uid()).isEqualTo("marc-1@acme.example");
        assertThat(taken.start()).isEqualTo(START);
        assertThat(taken.contact().email()).isEqualTo(CalendarWorld.CONTACT);
        assertThat(world.store.recentlySeen(NOW.minus(Duration.ofDays(365)), 100))
                .as("the other events of the user's calendar are not kept").isEmpty();
        assertThat(world.state.body("caldav:" + radicale.calendar("work"), "/camille/work/dentist.ics")).isEmpty();
        assertThat(world.state.body("caldav:" + radicale.calendar("work"), "/camille/work/marc.ics")).isPresent();
        assertThat(world.state.validators("caldav:" + radicale.calendar("work")).syncToken()).startsWith("http://radicale.org/ns/sync/");
        assertThat(world.sync(source).syncNow(source).objects()).as("nothing changed, nothing read").isZero();
    }

    @Test
    void aMovedEventAndThenADeletedOneReachTheInterviewOnTheNextSyncByToken() {
        movedThenDeleted(CalDavCalendarSource.Mode.AUTO);
    }

    @Test
    void theCtagAndEtagFallbackSeesTheSameCreationMoveAndDeletion() {
        movedThenDeleted(CalDavCalendarSource.Mode.ETAG_ONLY);
        assertThat(world.state.validators("caldav:" + radicale.calendar("work")).syncToken()).as("no sync-token used").isEmpty();
        assertThat(world.state.validators("caldav:" + radicale.calendar("work")).ctag()).isNotEmpty();
    }

    private void movedThenDeleted(CalDavCalendarSource.Mode mode) {
        radicale.mkcalendar("work", "VEVENT");
        radicale.put("work", "marc.ics", interview("marc-2@acme.example", 0, START));
        radicale.put("work", "other.ics", event("other@example.org", 0, START.plus(Duration.ofDays(1)), "Team lunch"));
        CalDavCalendarSource source = source(radicale.root(), mode);
        CalendarSync sync = world.sync(source);
        assertThat(sync.syncNow(source).created()).isEqualTo(1);
        assertThat(sync.syncNow(source).objects()).as("unchanged calendar, nothing read").isZero();

        Instant moved = START.plus(Duration.ofDays(3));
        radicale.put("work", "marc.ics", interview("marc-2@acme.example", 1, moved));
        CalendarSync.Report update = sync.syncNow(source);

        assertThat(update.objects()).as("only the changed object is read").isEqualTo(1);
        assertThat(update.updated()).isEqualTo(1);
        assertThat(world.only().start()).isEqualTo(moved);
        assertThat(world.only().sequence()).isEqualTo(1);

        radicale.delete("work", "marc.ics");
        CalendarSync.Report deletion = sync.syncNow(source);

        assertThat(deletion.removed()).isEqualTo(1);
        assertThat(deletion.cancelled()).isEqualTo(1);
        assertThat(world.only().state()).isEqualTo(Interview.State.CANCELLED);
    }

    @Test
    void aSyncTokenTheServerNoLongerKnowsLeadsToAFullReadThatStillSeesTheDeletion() {
        radicale.mkcalendar("work", "VEVENT");
        radicale.put("work", "marc.ics", interview("marc-5@acme.example", 0, START));
        radicale.put("work", "other.ics", event("other-5@example.org", 0, START, "Team lunch"));
        CalDavCalendarSource source = source(radicale.root(), CalDavCalendarSource.Mode.AUTO);
        CalendarSync sync = world.sync(source);
        sync.syncNow(source);
        String key = "caldav:" + radicale.calendar("work");
        world.state.saveValidators(key, world.state.validators(key).withSyncToken("http://radicale.org/ns/sync/forgotten"));
        radicale.delete("work", "marc.ics");

        CalendarSync.Report report = sync.syncNow(source);

        assertThat(report.objects()).as("unchanged objects are not read again, even on a full listing").isZero();
        assertThat(report.cancelled()).isEqualTo(1);
        assertThat(world.state.validators(key).syncToken()).isNotEqualTo("http://radicale.org/ns/sync/forgotten");
    }

    @Test
    void anEventMovedBeyondTheTimeRangeIsAskedForAndUpdatedNotTakenForADeletion() {
        radicale.mkcalendar("work", "VEVENT");
        radicale.put("work", "marc.ics", interview("marc-6@acme.example", 0, START));
        CalDavCalendarSource source = source(radicale.root(), CalDavCalendarSource.Mode.ETAG_ONLY);
        CalendarSync sync = world.sync(source);
        sync.syncNow(source);

        Instant farAway = NOW.plus(Duration.ofDays(500));
        radicale.put("work", "marc.ics", interview("marc-6@acme.example", 1, farAway));
        CalendarSync.Report report = sync.syncNow(source);

        assertThat(report.removed()).isZero();
        assertThat(world.only().state()).isEqualTo(Interview.State.SCHEDULED);
        assertThat(world.only().start()).isEqualTo(farAway);
    }

    @Test
    void aStatusCancelledInTheCalendarCancelsTheInterview() {
        radicale.mkcalendar("work", "VEVENT");
        radicale.put("work", "marc.ics", interview("marc-3@acme.example", 0, START));
        CalDavCalendarSource source = source(radicale.calendar("work"), CalDavCalendarSource.Mode.AUTO);
        CalendarSync sync = world.sync(source);
        sync.syncNow(source);

        radicale.put("work", "marc.ics", interview("marc-3@acme.example", 1, START).replace("SUMMARY:", "STATUS:CANCELLED\r\nSUMMARY:"));

        assertThat(sync.syncNow(source).cancelled()).isEqualTo(1);
        assertThat(world.only().state()).isEqualTo(Interview.State.CANCELLED);
    }

    @Test
    void anObjectBeyondTheLimitsIsQuarantinedWithItsReasonAndTheOthersAreTaken() {
        radicale.mkcalendar("work", "VEVENT");
        StringBuilder zones = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            zones.append("BEGIN:VTIMEZONE\r\nTZID:Zone").append(i).append("\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n")
                    .append("TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n");
        }
        String hostile = interview("hostile@acme.example", 0, START).replace("PRODID:-//rebond tests//EN\r\n",
                "PRODID:-//rebond tests//EN\r\n" + zones);
        radicale.put("work", "hostile.ics", hostile);
        radicale.put("work", "marc.ics", interview("marc-4@acme.example", 0, START));
        CalDavCalendarSource source = source(radicale.root(), CalDavCalendarSource.Mode.AUTO);

        CalendarSync.Report report = world.sync(source).syncNow(source);

        assertThat(report.quarantined()).isEqualTo(1);
        assertThat(world.only().uid()).isEqualTo("marc-4@acme.example");
        assertThat(world.quarantine.all()).singleElement().satisfies(item -> {
            assertThat(item.source()).isEqualTo("calendar");
            assertThat(item.item()).isEqualTo(radicale.calendar("work").resolve("hostile.ics").toString());
            assertThat(item.reason()).contains("VTIMEZONE");
        });
        assertThat(world.sync(source).syncNow(source).quarantined()).as("not read again while unchanged").isZero();
    }

    @Test
    void aWrongPasswordIsReportedWithTheUserAndWithoutThePassword() {
        radicale.mkcalendar("work", "VEVENT");
        DavClient wrong = new DavClient(Radicale.USER, () -> "not-the-password", Duration.ofSeconds(10), true, 1 << 20);
        CalDavCalendarSource source = new CalDavCalendarSource(radicale.root(), wrong, world.state, world.clock, Duration.ofMinutes(5),
                Duration.ofDays(30), Duration.ofDays(400), CalDavCalendarSource.Mode.AUTO);

        Assertions.assertThatThrownBy(() -> world.sync(source).syncNow(source))
                .isInstanceOf(CalendarSourceException.class)
                .hasMessageContaining("refused the login of camille")
                .hasMessageNotContaining("not-the-password");
    }

    @Test
    void eventsFarInThePastAreNotTakenUp() {
        radicale.mkcalendar("work", "VEVENT");
        radicale.put("work", "old.ics", interview("old@acme.example", 0, NOW.minus(Duration.ofDays(90))));
        CalDavCalendarSource source = source(radicale.root(), CalDavCalendarSource.Mode.AUTO);

        world.sync(source).syncNow(source);

        assertThat(world.interviews()).isEmpty();
    }
}
