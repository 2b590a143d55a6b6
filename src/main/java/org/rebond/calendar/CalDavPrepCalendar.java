package org.rebond.calendar;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rebond.application.PrepCalendar;
import org.rebond.application.PrepCalendarState;
import org.rebond.domain.Interview;
import org.rebond.domain.PrepEvent;

/**
 * The prep events in a writable CalDAV calendar of the user's. Each is rebond's own object (its UID
 * derived from the interview's, {@link PrepEvent#uidFor}), created with {@code If-None-Match: *},
 * updated with {@code If-Match} and a higher SEQUENCE, deleted with {@code If-Match}; a 412 (someone
 * changed it meanwhile) is met by reading the current ETag and trying once more. Nothing else in
 * the calendar is ever written: not the organizer's event, not its attendees.
 */
public final class CalDavPrepCalendar implements PrepCalendar {

    private static final Pattern SEQUENCE = Pattern.compile("(?m)^SEQUENCE:(\\d{1,9})\\r?$");

    private final URI calendar;
    private final DavClient client;
    private final PrepCalendarState state;
    private final Clock clock;
    private final Duration reminder;

    public CalDavPrepCalendar(URI calendar, DavClient client, PrepCalendarState state, Clock clock) {
        this(calendar, client, state, Duration.ZERO, clock);
    }

    /** @param reminder how long before the prep slot the calendar reminds the user (zero: no reminder) */
    public CalDavPrepCalendar(URI calendar, DavClient client, PrepCalendarState state, Duration reminder, Clock clock) {
        String text = calendar.toString();
        this.calendar = text.endsWith("/") ? calendar : URI.create(text + "/");
        this.client = client;
        this.state = state;
        this.reminder = reminder;
        this.clock = clock;
    }

    public URI calendar() {
        return calendar;
    }

    /** Where the prep event of an interview lives in this calendar. */
    public URI hrefOf(String interviewUid, String recurrenceId) {
        String uid = PrepEvent.uidFor(interviewUid, recurrenceId);
        return calendar.resolve(uid.substring(0, uid.indexOf('@')) + ".ics");
    }

    @Override
    public Optional<Placement> placement(Interview interview) {
        return state.placed(interview.uid(), interview.recurrenceId()).map(p -> new Placement(p.start(), p.end()));
    }

    @Override
    public void write(Interview interview, Instant start, Instant end, String summary, String description, String briefHtml) {
        Optional<PrepCalendarState.Placed> placed = state.placed(interview.uid(), interview.recurrenceId());
        URI href = placed.map(p -> URI.create(p.href())).orElse(hrefOf(interview.uid(), interview.recurrenceId()));
        int sequence = placed.map(p -> Math.max(p.sequence() + 1, interview.sequence())).orElse(interview.sequence());
        String precondition = placed.isPresent() ? "If-Match" : "If-None-Match";
        String expected = placed.map(PrepCalendarState.Placed::etag).orElse("*");
        DavClient.Response response = put(href, interview, sequence, start, end, summary, description, briefHtml, precondition, expected);
        if (response.status() == 412) {
            // Changed (or created, or deleted) by someone else since: read what is there and try once more.
            DavClient.Response current = client.send("GET", href, Map.of(), (byte[]) null);
            if (current.status() == 404 || current.status() == 410) {
                response = put(href, interview, sequence, start, end, summary, description, briefHtml, "If-None-Match", "*");
            } else if (current.ok() && current.header("etag").isPresent()) {
                Matcher m = SEQUENCE.matcher(current.text());
                if (m.find()) sequence = Math.max(sequence, Integer.parseInt(m.group(1)) + 1);
                response = put(href, interview, sequence, start, end, summary, description, briefHtml, "If-Match", current.header("etag").get());
            }
        }
        if (!response.ok()) {
            throw new CalendarSourceException("writing the prep event " + href + " failed (HTTP " + response.status() + ")"
                    + (response.status() == 403 ? "; is prep_calendar a calendar you may write to?" : ""));
        }
        String etag = response.header("etag").orElseGet(() -> client.send("GET", href, Map.of(), (byte[]) null).header("etag").orElse(""));
        state.savePlaced(interview.uid(), interview.recurrenceId(), new PrepCalendarState.Placed(href.toString(), etag, sequence, start, end));
    }

    private DavClient.Response put(URI href, Interview interview, int sequence, Instant start, Instant end, String summary,
                                   String description, String briefHtml, String precondition, String value) {
        // RFC 4791 §4.1: an object in a calendar collection carries no METHOD.
        String ics = PrepEvent.write(interview.uid(), interview.recurrenceId(), sequence, clock.instant(), start, end, summary,
                description, briefHtml, reminder).replace("METHOD:PUBLISH\r\n", "");
        return client.send("PUT", href, Map.of("Content-Type", "text/calendar; charset=utf-8", precondition, value), ics);
    }

    @Override
    public void remove(Interview interview) {
        Optional<PrepCalendarState.Placed> placed = state.placed(interview.uid(), interview.recurrenceId());
        if (placed.isEmpty()) return;
        URI href = URI.create(placed.get().href());
        DavClient.Response response = client.send("DELETE", href, Map.of("If-Match", placed.get().etag()), (byte[]) null);
        if (response.status() == 412) {
            DavClient.Response current = client.send("GET", href, Map.of(), (byte[]) null);
            if (current.ok() && current.header("etag").isPresent()) {
                response = client.send("DELETE", href, Map.of("If-Match", current.header("etag").get()), (byte[]) null);
            } else if (current.status() == 404 || current.status() == 410) {
                response = current;
            }
        }
        if (!response.ok() && response.status() != 404 && response.status() != 410) {
            throw new CalendarSourceException("removing the prep event " + href + " failed (HTTP " + response.status() + ")");
        }
        state.removePlaced(interview.uid(), interview.recurrenceId());
    }
}
