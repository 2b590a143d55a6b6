package org.rebond.interview;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.rebond.calendar.CalendarEvent;
import org.rebond.calendar.EventTime;

/**
 * The use cases around an interview's life: an invitation arrives, is updated or cancelled; notes
 * come back; the plan is rebuilt after a restart or a clock change.
 */
public final class InterviewService {

    /** An event without an end is taken to last this long (RFC 5545 would make it zero-length). */
    private static final Duration DEFAULT_LENGTH = Duration.ofMinutes(30);

    private final InterviewStore store;
    private final ActionScheduler scheduler;
    private final InterviewDetector detector;
    private final ReferrerFinder referrers;
    private final Planner planner;
    private final ZoneId userZone;
    private final Clock clock;

    public InterviewService(InterviewStore store, ActionScheduler scheduler, InterviewDetector detector,
                            ReferrerFinder referrers, Planner planner, ZoneId userZone, Clock clock) {
        this.store = store;
        this.scheduler = scheduler;
        this.detector = detector;
        this.referrers = referrers;
        this.planner = planner;
        this.userZone = userZone;
        this.clock = clock;
    }

    /** What became of one calendar event. */
    public record Outcome(Kind kind, Interview interview, String detail) {
        public enum Kind { CREATED, UPDATED, CANCELLED, DUPLICATE, STALE, NOT_AN_INTERVIEW, REPLY_RECORDED, IGNORED, REJECTED }
    }

    /**
     * Takes one calendar event seen in the mailbox or a calendar source.
     *
     * @param event          the event
     * @param senderEmail    the address the carrying mail came from, empty for a calendar source
     * @param sourceMessageId the carrying mail's Message-ID, empty for a calendar source
     */
    public Outcome onCalendarEvent(CalendarEvent event, String senderEmail, String sourceMessageId) {
        String method = event.method();
        if (method.equals("REPLY") || method.equals("COUNTER") || method.equals("REFRESH") || method.equals("DECLINECOUNTER")) {
            return new Outcome(Outcome.Kind.REPLY_RECORDED, null, method + " from " + senderEmail + " recorded, not taken as an update");
        }
        if (event.uid().isBlank()) {
            return new Outcome(Outcome.Kind.REJECTED, null, "the invitation has no UID");
        }
        String recurrenceId = event.recurrenceId() == null ? "" : event.recurrenceId().display();
        Optional<Interview> existing = store.find(event.uid(), recurrenceId);
        if (event.cancelled()) {
            return cancel(event, existing, senderEmail == null ? "" : senderEmail);
        }
        if (event.start() == null) {
            return new Outcome(Outcome.Kind.REJECTED, null, "the invitation has no usable start time (DTSTART)");
        }
        if (existing.isPresent()) {
            return update(event, existing.get(), sourceMessageId);
        }
        Verdict verdict = detector.detect(event);
        if (!verdict.detected()) {
            return new Outcome(Outcome.Kind.NOT_AN_INTERVIEW, null, verdict.reason());
        }
        if (verdict.contact().isBlank()) {
            return new Outcome(Outcome.Kind.NOT_AN_INTERVIEW, null, verdict.reason() + ", but nobody to meet was found among the attendees");
        }
        Interview created = store.save(toInterview(0, event, verdict, sourceMessageId));
        plan(created);
        store.journal(created.id(), clock.instant(), "detected", verdict.reason());
        return new Outcome(Outcome.Kind.CREATED, created, verdict.reason());
    }

    private Outcome update(CalendarEvent event, Interview stored, String sourceMessageId) {
        ItipOrder.Comparison order = ItipOrder.compare(event.sequence(), event.dtstamp(), stored.sequence(), stored.dtstamp());
        if (order == ItipOrder.Comparison.OLDER) {
            return new Outcome(Outcome.Kind.STALE, stored, "older than the version kept (SEQUENCE " + event.sequence()
                    + " < " + stored.sequence() + " or earlier DTSTAMP); ignored");
        }
        if (order == ItipOrder.Comparison.SAME) {
            return new Outcome(Outcome.Kind.DUPLICATE, stored, "already known");
        }
        if (stored.state() == Interview.State.IGNORED) {
            return new Outcome(Outcome.Kind.IGNORED, stored, "you asked rebond to ignore this interview; update not applied");
        }
        if (!stored.organizer().isBlank() && !event.organizer().isBlank() && !stored.organizer().equalsIgnoreCase(event.organizer())) {
            store.journal(stored.id(), clock.instant(), "flagged", "an update came from another organizer (" + event.organizer() + "); not applied");
            return new Outcome(Outcome.Kind.IGNORED, stored, "update from a different organizer (" + event.organizer() + ") not applied");
        }
        Verdict kept = new Verdict(true, stored.reason(), stored.contact().email(), stored.referrer() == null ? "" : stored.referrer().email());
        Interview updated = store.save(toInterview(stored.id(), event, kept, sourceMessageId.isBlank() ? stored.sourceMessageId() : sourceMessageId));
        if (stored.state() == Interview.State.CANCELLED) {
            // RFC 5546: a newer REQUEST after a CANCEL puts the event back.
            plan(updated);
            store.journal(updated.id(), clock.instant(), "reinstated", "invited again after a cancellation");
            return new Outcome(Outcome.Kind.UPDATED, updated, "reinstated after a cancellation; actions planned again");
        }
        boolean moved = !updated.start().equals(stored.start()) || !updated.end().equals(stored.end());
        if (moved) {
            scheduler.cancelAll(updated.id());
            plan(updated);
            store.journal(updated.id(), clock.instant(), "moved", "now " + updated.start() + " – " + updated.end());
        }
        return new Outcome(Outcome.Kind.UPDATED, updated, moved ? "moved; pending actions re-planned" : "details updated");
    }

    private Outcome cancel(CalendarEvent event, Optional<Interview> existing, String senderEmail) {
        if (existing.isEmpty()) {
            return new Outcome(Outcome.Kind.IGNORED, null, "cancellation of an event rebond does not follow");
        }
        Interview stored = existing.get();
        // BAD-INPUTS B20: neither the ORGANIZER named in the CANCEL nor the mail's sender may differ
        // from the organizer kept; a calendar source (no sender) is trusted as the user's own.
        String claimed = !event.organizer().isBlank() && !stored.organizer().equalsIgnoreCase(event.organizer()) ? event.organizer()
                : !senderEmail.isBlank() && !stored.organizer().equalsIgnoreCase(senderEmail) ? senderEmail : "";
        if (!stored.organizer().isBlank() && !claimed.isEmpty()) {
            store.journal(stored.id(), clock.instant(), "flagged", "a cancellation came from someone other than the organizer (" + claimed + "); ignored");
            return new Outcome(Outcome.Kind.IGNORED, stored, "cancellation not from the organizer; ignored");
        }
        if (ItipOrder.compare(event.sequence(), event.dtstamp(), stored.sequence(), stored.dtstamp()) == ItipOrder.Comparison.OLDER) {
            return new Outcome(Outcome.Kind.STALE, stored, "stale cancellation (SEQUENCE " + event.sequence() + " < " + stored.sequence() + "); ignored");
        }
        if (!stored.active()) {
            return new Outcome(Outcome.Kind.DUPLICATE, stored, "already " + stored.state().name().toLowerCase(java.util.Locale.ROOT));
        }
        Interview cancelled = store.save(stored.withState(Interview.State.CANCELLED));
        scheduler.cancelAll(cancelled.id());
        store.journal(cancelled.id(), clock.instant(), "cancelled", "cancelled by the organizer; pending actions removed");
        return new Outcome(Outcome.Kind.CANCELLED, cancelled, "cancelled by the organizer");
    }

    /** Schedules every action of the plan that is not delivered or skipped yet. */
    public void plan(Interview interview) {
        if (!interview.active()) {
            return;
        }
        Instant now = clock.instant();
        for (PlannedAction planned : planner.plan(interview, now)) {
            if (!store.settled(interview.id(), planned.action())) {
                scheduler.schedule(interview.id(), planned);
            }
        }
    }

    /**
     * Rebuilds every pending trigger from the store: at start (a crash may have left an action
     * without its trigger) and after the wall clock jumped.
     */
    public int replanAll() {
        int count = 0;
        for (Interview interview : store.all()) {
            if (interview.active()) {
                plan(interview);
                count++;
            }
        }
        return count;
    }

    /** Keeps the notes the user gave after an interview; the names given join the referral network (M5). */
    public void recordNotes(Interview interview, DebriefNotes notes, String sourceMessageId) {
        store.saveNotes(interview.id(), notes, sourceMessageId);
        store.journal(interview.id(), clock.instant(), "notes", notes.points().size() + " points, " + notes.leads().size()
                + " leads, " + notes.names().size() + " names");
    }

    private Interview toInterview(long id, CalendarEvent event, Verdict verdict, String sourceMessageId) {
        Instant start = event.startInstant(userZone);
        Instant end = event.end() == null ? (event.allDay() ? start.plus(Duration.ofDays(1)) : start.plus(DEFAULT_LENGTH))
                : event.endInstant(userZone);
        if (!end.isAfter(start)) {
            end = start.plus(DEFAULT_LENGTH);
        }
        EventTime startTime = event.start();
        boolean floating = startTime.kind() == EventTime.Kind.FLOATING || startTime.kind() == EventTime.Kind.DATE;
        String zone = startTime.zone() == null || floating ? userZone.getId() : startTime.zone().getId();
        Interview.Person contact = new Interview.Person(verdict.contact(), nameOf(event, verdict.contact()));
        Interview.Person referrer = referrerOf(verdict, contact, start);
        return new Interview(id, event.uid(), event.recurrenceId() == null ? "" : event.recurrenceId().display(),
                event.sequence(), event.dtstamp(), Interview.State.SCHEDULED, start, end, zone, floating,
                event.summary(), event.location(), event.organizer(), contact, referrer, verdict.reason(),
                sourceMessageId == null ? "" : sourceMessageId);
    }

    private Interview.Person referrerOf(Verdict verdict, Interview.Person contact, Instant start) {
        if (!verdict.referrer().isBlank()) {
            String ref = verdict.referrer();
            return ref.contains("@") ? new Interview.Person(ref.toLowerCase(java.util.Locale.ROOT), "") : new Interview.Person("", ref);
        }
        return store.suggestedBy(contact.email())
                .or(() -> referrers.introducerOf(contact.email(), start))
                .orElse(null);
    }

    private static String nameOf(CalendarEvent event, String email) {
        if (email.equalsIgnoreCase(event.organizer())) {
            return event.organizerName();
        }
        return event.attendees().stream().filter(a -> a.email().equalsIgnoreCase(email)).map(CalendarEvent.Attendee::name)
                .findFirst().orElse("");
    }
}
