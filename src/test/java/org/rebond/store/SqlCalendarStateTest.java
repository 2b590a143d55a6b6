package org.rebond.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.rebond.SteppedClock;
import org.rebond.application.CalendarSyncState;
import org.rebond.application.PrepCalendarState;

class SqlCalendarStateTest extends StoreTestBase {

    private static final String SOURCE = "caldav:https://dav.example.org/camille/work/";
    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-07T08:00:00Z"));

    @Test
    void aCollectionsValidatorsAndObjectsAreKeptReplacedAndForgotten() {
        try (Database db = open(dir.resolve("rebond.db"))) {
            SqlCalendarState state = new SqlCalendarState(db, clock);
            assertThat(state.validators(SOURCE)).isEqualTo(CalendarSyncState.Validators.NONE);

            state.saveValidators(SOURCE, new CalendarSyncState.Validators("token-1", "ctag-1", "", ""));
            state.saveValidators(SOURCE, new CalendarSyncState.Validators("token-2", "ctag-2", "", ""));
            byte[] body = "BEGIN:VCALENDAR\r\nSUMMARY:Café avec Jeanne\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);
            state.saveObject(SOURCE, "/camille/work/a.ics", "\"e1\"", null);
            state.saveObject(SOURCE, "/camille/work/a.ics", "\"e2\"", body);
            state.saveObject(SOURCE, "/camille/work/b.ics", "\"f1\"", null);

            assertThat(state.validators(SOURCE).syncToken()).isEqualTo("token-2");
            assertThat(state.etags(SOURCE)).containsEntry("/camille/work/a.ics", "\"e2\"").containsEntry("/camille/work/b.ics", "\"f1\"");
            assertThat(state.body(SOURCE, "/camille/work/a.ics")).hasValueSatisfying(b -> assertThat(b).isEqualTo(body));
            assertThat(state.body(SOURCE, "/camille/work/b.ics")).isEmpty();

            state.removeObject(SOURCE, "/camille/work/a.ics");
            assertThat(state.etags(SOURCE)).containsOnlyKeys("/camille/work/b.ics");
        }
    }

    @Test
    void aPlacedPrepEventIsKeptMovedAndForgotten() {
        try (Database db = open(dir.resolve("rebond.db"))) {
            SqlCalendarState state = new SqlCalendarState(db, clock);
            Instant start = Instant.parse("2026-12-09T09:30:00Z");
            state.savePlaced("iv-1@acme.example", "", new PrepCalendarState.Placed("/prep/1.ics", "\"p1\"", 0, start, start.plusSeconds(1800)));
            state.savePlaced("iv-1@acme.example", "", new PrepCalendarState.Placed("/prep/1.ics", "\"p2\"", 1, start.plusSeconds(3600),
                    start.plusSeconds(5400)));

            assertThat(state.placed("iv-1@acme.example", "")).hasValueSatisfying(p -> {
                assertThat(p.etag()).isEqualTo("\"p2\"");
                assertThat(p.sequence()).isEqualTo(1);
                assertThat(p.start()).isEqualTo(start.plusSeconds(3600));
            });
            state.removePlaced("iv-1@acme.example", "");
            assertThat(state.placed("iv-1@acme.example", "")).isEmpty();
        }
    }
}
