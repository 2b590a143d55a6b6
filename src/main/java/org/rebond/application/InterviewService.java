package org.rebond.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.rebond.domain.Action;
import org.rebond.domain.CalendarEvent;
import org.rebond.domain.ContactActivity;
import org.rebond.domain.DebriefNotes;
import org.rebond.domain.EventTime;
import org.rebond.domain.Interview;
import org.rebond.domain.InterviewDetector;
import org.rebond.domain.ItipOrder;
import org.rebond.domain.PlannedAction;
import org.rebond.domain.Planner;
import org.rebond.domain.SeenEvent;
import org.rebond.domain.Verdict;

/**
 * The use cases around an interview's life: an invitation arrives, is updated or cancelled; notes
 * come back; the user tracks or ignores an event; the plan is rebuilt after a restart or a clock
 * change. The use cases are synchronized: the mailbox watcher, the clock watch and the command queue
 * call them from different threads, and each reads then writes an interview.
 */
public final class InterviewService {

    /** An event without an end is taken to last this long (RFC 5545 would make it zero-length). */
    private static final Duration DEFAULT_LENGTH = Duration.ofMinutes(30);
    /** The reason an interview carries when the user asked to follow it. */
    public static final String TRACKED_REASON = "tracked by you";

    private final InterviewStore store;
    private final ActionScheduler scheduler;
    private final InterviewDetector detector;
    private final ReferrerFinder referrers;
    private final Planner planner;
    private final ZoneId userZone;
    private final Clock clock;
    private final ContactActivities activities;

    public InterviewService(InterviewStore store, ActionScheduler scheduler, InterviewDetector detector,
                            ReferrerFinder referrers, Planner planner, ZoneId userZone, Clock clock) {
        this(store, scheduler, detector, referrers, planner, userZone, clock, null);
    }

    /** {@code activities}: what happened with each contact, which the updates follow (null: their plain delays). */
    public InterviewService(InterviewStore store, ActionScheduler scheduler, InterviewDetector detector,
                            ReferrerFinder referrers, Planner planner, ZoneId userZone, Clock clock, ContactActivities activities) {
        this.activities = activities;
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
    public synchronized Outcome onCalendarEvent(CalendarEvent event, String senderEmail, String sourceMessageId) {
        return take(event, () -> detector.detect(event), senderEmail, sourceMessageId, true);
    }

    /**
     * Takes one event of an invitation in mail, judged already ({@link InvitationTriage}): as
     * {@link #onCalendarEvent}, with {@code verdict} as the detector's. It decides a new event; an
     * update, a cancellation, an ignored event or an instance of a followed series is decided by
     * what is kept, as always.
     */
    public synchronized Outcome onInvitation(CalendarEvent event, Verdict verdict, String senderEmail, String sourceMessageId) {
        return take(event, () -> verdict, senderEmail, sourceMessageId, true);
    }

    /**
     * Runs {@code work}, which takes several events in a row, holding this service's lock
     * throughout. A caller that wraps them in one database transaction takes the lock first: then
     * no other thread can hold the lock while it waits for that transaction's write lock.
     */
    public synchronized void exclusively(Runnable work) {
        work.run();
    }

    /**
     * Takes one event of a calendar source (CalDAV, ICS URL, .ics file) as the user's own: as
     * {@link #onCalendarEvent} with no sender, except that an event which is not an interview is not
     * remembered as "seen": a calendar holds every meeting of the user's life, and rebond keeps only
     * what it follows (README, Calendars). A marker such as [info] in the title makes rebond take it.
     */
    public synchronized Outcome onCalendarSourceEvent(CalendarEvent event) {
        return take(event, () -> detector.detect(event), "", "", false);
    }

    private Outcome take(CalendarEvent event, Supplier<Verdict> detected, String senderEmail, String sourceMessageId, boolean rememberSeen) {
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
        Optional<SeenEvent> seen = store.findSeen(event.uid(), recurrenceId);
        if (seen.isPresent() && seen.get().state() == SeenEvent.State.IGNORED) {
            return new Outcome(Outcome.Kind.IGNORED, null, "you asked rebond to ignore this event (" + seen.get().label() + ")");
        }
        Optional<Interview> series = recurrenceId.isEmpty() ? Optional.empty() : store.find(event.uid(), "");
        Verdict verdict;
        if (series.isPresent()) {
            // An override of one instance of a followed series (B21): its own interview, taken as the series was.
            Interview master = series.get();
            if (master.state() == Interview.State.IGNORED) {
                return new Outcome(Outcome.Kind.IGNORED, master, "an instance of a series you asked rebond to ignore");
            }
            verdict = new Verdict(true, master.reason(), master.contact().email(), master.referrer() == null ? "" : master.referrer().email());
        } else {
            verdict = detected.get();
        }
        if (!verdict.detected() || verdict.contact().isBlank()) {
            String reason = verdict.detected() ? verdict.reason() + ", but nobody to meet was found among the attendees" : verdict.reason();
            if (!rememberSeen) {
                return new Outcome(Outcome.Kind.NOT_AN_INTERVIEW, null, reason);
            }
            SeenEvent kept = store.rememberSeen(toSeen(event, reason, sourceMessageId));
            return new Outcome(Outcome.Kind.NOT_AN_INTERVIEW, null, reason + " (seen as " + kept.label() + "; 'rebond track " + kept.label()
                    + "' follows it)");
        }
        Interview created = store.save(toInterview(0, event, verdict, sourceMessageId));
        seen.ifPresent(s -> store.saveSeenState(s.id(), SeenEvent.State.TRACKED, created.id()));
        store.journal(created.id(), clock.instant(), "detected", verdict.reason());
        int skipped = plan(created);
        return new Outcome(Outcome.Kind.CREATED, created, verdict.reason() + (skipped == 0 ? ""
                : "; " + skipped + (skipped == 1 ? " action" : " actions") + " already too late to help, skipped"));
    }

    /** {@code rebond track e<id>}: follows an event that was seen but not taken. */
    public synchronized Outcome track(long seenId) {
        Optional<SeenEvent> found = store.seenById(seenId);
        if (found.isEmpty()) {
            return new Outcome(Outcome.Kind.REJECTED, null, "no event e" + seenId);
        }
        SeenEvent seen = found.get();
        Optional<Interview> existing = store.find(seen.uid(), seen.recurrenceId());
        if (existing.isPresent()) {
            store.saveSeenState(seen.id(), SeenEvent.State.TRACKED, existing.get().id());
            return existing.get().state() == Interview.State.IGNORED ? track(existing.get())
                    : new Outcome(Outcome.Kind.DUPLICATE, existing.get(), "already followed");
        }
        if (seen.state() == SeenEvent.State.CANCELLED) {
            return new Outcome(Outcome.Kind.REJECTED, null, "the organizer cancelled this event");
        }
        if (seen.contact().email().isBlank()) {
            return new Outcome(Outcome.Kind.REJECTED, null, "nobody to meet was found among the attendees");
        }
        Interview.Person referrer = referrerOf(seen.referrer(), seen.contact(), seen.start());
        Interview created = store.save(new Interview(0, seen.uid(), seen.recurrenceId(), seen.sequence(), seen.dtstamp(),
                Interview.State.SCHEDULED, seen.start(), seen.end(), seen.zone(), seen.floating(), seen.summary(), seen.location(),
                seen.organizer(), seen.contact(), referrer, TRACKED_REASON, seen.sourceMessageId()));
        store.saveSeenState(seen.id(), SeenEvent.State.TRACKED, created.id());
        plan(created);
        store.journal(created.id(), clock.instant(), "tracked", "you asked rebond to follow " + seen.label());
        return new Outcome(Outcome.Kind.CREATED, created, TRACKED_REASON);
    }

    /** {@code rebond track <id>} of an interview the user had ignored: followed again. */
    public synchronized Outcome track(Interview interview) {
        if (interview.state() == Interview.State.SCHEDULED) {
            return new Outcome(Outcome.Kind.DUPLICATE, interview, "already followed");
        }
        if (interview.state() == Interview.State.CANCELLED) {
            return new Outcome(Outcome.Kind.REJECTED, interview, "the organizer cancelled this interview");
        }
        Interview tracked = store.save(new Interview(interview.id(), interview.uid(), interview.recurrenceId(), interview.sequence(),
                interview.dtstamp(), Interview.State.SCHEDULED, interview.start(), interview.end(), interview.zone(), interview.floating(),
                interview.summary(), interview.location(), interview.organizer(), interview.contact(), interview.referrer(), TRACKED_REASON,
                interview.sourceMessageId()));
        replan(tracked.id());
        store.journal(tracked.id(), clock.instant(), "tracked", "you asked rebond to follow it again");
        return new Outcome(Outcome.Kind.UPDATED, tracked, TRACKED_REASON);
    }

    /** {@code rebond ignore <id>}: stops following an interview; its pending actions are removed, its later updates stay ignored. */
    public synchronized Outcome ignore(Interview interview) {
        if (interview.state() == Interview.State.IGNORED) {
            return new Outcome(Outcome.Kind.DUPLICATE, interview, "already ignored");
        }
        Interview ignored = store.save(interview.withState(Interview.State.IGNORED));
        scheduler.cancelAll(ignored.id());
        store.findSeen(ignored.uid(), ignored.recurrenceId()).ifPresent(s -> store.saveSeenState(s.id(), SeenEvent.State.IGNORED, ignored.id()));
        store.journal(ignored.id(), clock.instant(), "ignored", "you asked rebond to ignore it; pending actions removed");
        return new Outcome(Outcome.Kind.IGNORED, ignored, "ignored at your request; pending actions removed");
    }

    /** {@code rebond ignore e<id>}: an event seen but not taken is never detected again. */
    public synchronized Outcome ignoreSeen(long seenId) {
        Optional<SeenEvent> found = store.seenById(seenId);
        if (found.isEmpty()) {
            return new Outcome(Outcome.Kind.REJECTED, null, "no event e" + seenId);
        }
        SeenEvent seen = found.get();
        if (seen.state() == SeenEvent.State.TRACKED) {
            Optional<Interview> interview = store.byId(seen.interviewId());
            if (interview.isPresent()) {
                return ignore(interview.get());
            }
        }
        if (seen.state() == SeenEvent.State.IGNORED) {
            return new Outcome(Outcome.Kind.DUPLICATE, null, "already ignored");
        }
        store.saveSeenState(seen.id(), SeenEvent.State.IGNORED, 0);
        return new Outcome(Outcome.Kind.IGNORED, null, "ignored at your request; never detected again");
    }

    /** Rebuilds the triggers of one interview from the store (after a command changed it). */
    public synchronized void replan(long interviewId) {
        scheduler.cancelAll(interviewId);
        store.byId(interviewId).ifPresent(this::plan);
    }

    private SeenEvent toSeen(CalendarEvent event, String reason, String sourceMessageId) {
        Interview shape = toInterview(0, event, new Verdict(false, reason, "", ""), sourceMessageId);
        String contact = detector.contactOf(event);
        return new SeenEvent(0, shape.uid(), shape.recurrenceId(), shape.sequence(), shape.dtstamp(), shape.start(), shape.end(), shape.zone(),
                shape.floating(), shape.summary(), shape.location(), event.organizer(), event.organizerName(), event.attendees(),
                new Interview.Person(contact, contact.isBlank() ? "" : nameOf(event, contact)), InterviewDetector.referrer(event.description()),
                reason, shape.sourceMessageId(), SeenEvent.State.SEEN, 0, clock.instant());
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
            updatePrepEvent(stored, updated);
            plan(updated);
            store.journal(updated.id(), clock.instant(), "reinstated", "invited again after a cancellation");
            return new Outcome(Outcome.Kind.UPDATED, updated, "reinstated after a cancellation; actions planned again");
        }
        boolean moved = !updated.start().equals(stored.start()) || !updated.end().equals(stored.end());
        if (moved) {
            scheduler.cancelAll(updated.id());
            updatePrepEvent(stored, updated);
            plan(updated);
            store.journal(updated.id(), clock.instant(), "moved", "now " + updated.start() + " – " + updated.end());
        }
        return new Outcome(Outcome.Kind.UPDATED, updated, moved ? "moved; pending actions re-planned" : "details updated");
    }

    private Outcome cancel(CalendarEvent event, Optional<Interview> existing, String senderEmail) {
        if (existing.isEmpty() && event.recurrenceId() != null) {
            // B19/B21: a cancelled instance matters only when it is the occurrence rebond follows
            // (the series' own start, matched by instant); the rest of the series stays.
            Optional<Interview> series = store.find(event.uid(), "");
            Instant instance = event.recurrenceId().instant(userZone);
            if (series.isPresent() && instance.equals(series.get().start())) {
                existing = series;
            } else if (series.isPresent()) {
                return new Outcome(Outcome.Kind.IGNORED, series.get(), "cancellation of another instance of the series; the series stays");
            }
        }
        if (existing.isEmpty()) {
            String recurrenceId = event.recurrenceId() == null ? "" : event.recurrenceId().display();
            store.findSeen(event.uid(), recurrenceId).filter(s -> s.state() == SeenEvent.State.SEEN)
                    .filter(s -> s.organizer().isBlank() || s.organizer().equalsIgnoreCase(senderEmail.isBlank() ? s.organizer() : senderEmail))
                    .ifPresent(s -> store.saveSeenState(s.id(), SeenEvent.State.CANCELLED, 0));
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
            return new Outcome(Outcome.Kind.DUPLICATE, stored, "already " + stored.state().name().toLowerCase(Locale.ROOT));
        }
        // The CANCEL is now the version kept: an older REQUEST arriving late must read as stale, not reinstate it.
        Interview cancelled = store.save(stored.withState(Interview.State.CANCELLED, event.sequence(), event.dtstamp()));
        scheduler.cancelAll(cancelled.id());
        updatePrepEvent(stored, cancelled);
        plan(cancelled);
        store.journal(cancelled.id(), clock.instant(), "cancelled", "cancelled by the organizer; pending actions removed");
        return new Outcome(Outcome.Kind.CANCELLED, cancelled, "cancelled by the organizer");
    }

    /**
     * Schedules every action of the plan that is not delivered or skipped yet; one that would be
     * skipped when it fired (long past: an old interview found by a first scan) is settled as
     * skipped at once instead. Returns how many were.
     */
    public synchronized int plan(Interview interview) {
        int skipped = planOne(interview, activities);
        // A meeting with someone a contact suggested brings that contact's next update forward.
        (activities == null ? List.<Interview>of() : activities.newsAbout(interview)).forEach(i -> planOne(i, activities));
        return skipped;
    }

    private int planOne(Interview interview, ContactActivities lookup) {
        Instant now = clock.instant();
        // What happened with the contact moves the updates' dates only: not looked up when every action is settled.
        boolean settled = planner.plan(interview, now, ContactActivity.none()).stream().allMatch(p -> store.settled(interview.id(), p.action()));
        ContactActivity activity = lookup == null || !interview.active() || settled ? ContactActivity.none() : lookup.of(interview);
        Map<Action, String> skipped = new LinkedHashMap<>();
        List<PlannedAction> toSchedule = new ArrayList<>();
        if (interview.active()) {
            for (PlannedAction planned : planner.plan(interview, now, activity)) {
                if (store.settled(interview.id(), planned.action())) {
                    continue;
                }
                Planner.FireDecision decision = planned.due().isAfter(now) ? null : planner.onFire(interview, planned.action(), now, activity);
                if (decision != null && decision.verdict() == Planner.FireDecision.Verdict.SKIP) {
                    skipped.put(planned.action(), decision.reason());
                } else {
                    toSchedule.add(planned);
                }
            }
        }
        store.skip(interview.id(), skipped, now);
        scheduler.scheduleAll(interview.id(), toSchedule);
        // Prep-event updates are due at once, cancelled interview or not: the user's calendar must follow.
        for (InterviewStore.PrepUpdate update : store.prepUpdates(interview.id())) {
            Action action = Action.briefUpdate(update.prepSequence());
            if (!store.settled(interview.id(), action)) {
                scheduler.schedule(interview.id(), new PlannedAction(action, now));
            }
        }
        // A revision of the thank-you requested and not yet settled (a restart between request and delivery).
        for (int number : store.draftRevisions(interview.id())) {
            Action action = Action.thankYouRevision(number);
            if (!store.settled(interview.id(), action)) {
                scheduler.schedule(interview.id(), new PlannedAction(action, now));
            }
        }
        return skipped.size();
    }

    /**
     * After the brief was delivered, a moved, cancelled or reinstated interview gets a new version of
     * its prep event (same prep UID, higher SEQUENCE) instead of a second brief; only while the
     * interview has not started. The prep SEQUENCE is the interview's new SEQUENCE, or one more than
     * the last prep version when the organizer moved it without raising SEQUENCE.
     */
    private void updatePrepEvent(Interview before, Interview after) {
        Instant now = clock.instant();
        if (!store.delivered(after.id(), Action.BRIEF) || !now.isBefore(after.start())) {
            return;
        }
        int prepSequence = store.requestPrepUpdate(after.id(), Math.max(after.sequence(), before.sequence() + 1), before.start(), before.end(), now);
        store.journal(after.id(), now, "prep event update", "version " + prepSequence + " of the prep event to deliver");
    }

    /** Rebuilds every pending trigger from the store: at start (a crash may have left an action without its trigger) and after a clock jump. */
    public synchronized int replanAll() {
        List<Interview> all = store.all();
        // Each planned once (plan() would also re-plan the interviews of each one's referrer), contact by contact,
        // each contact's in the order they ended: what is read for the first serves the others.
        ContactActivities once = activities == null ? null : activities.readingEachContactOnce();
        all.stream().sorted(Comparator.comparing((Interview i) -> i.contact().email().toLowerCase(Locale.ROOT)).thenComparing(Interview::end))
                .forEach(i -> planOne(i, once));
        return (int) all.stream().filter(Interview::active).count();
    }

    /**
     * Adds notes the user gave after an interview to those kept (METHOD M5, M7), the one way in for a
     * reply to the debrief prompt and for {@code rebond notes}: new points, leads and next steps are
     * appended, a name given again takes its later permissions, a new article replaces the old
     * ({@link DebriefNotes#merge}). The names given join the referral network. The same source
     * (a reply seen in two folders, a request applied twice) counts once.
     *
     * @param sourceId the reply's Message-ID, or {@code rebond notes N} for the command's N-th request
     * @return UPDATED with the notes now kept in its detail, or DUPLICATE when this source was taken already
     */
    public synchronized Outcome recordNotes(Interview interview, DebriefNotes notes, String sourceId) {
        if (store.notesTakenFrom(interview.id(), sourceId)) {
            return new Outcome(Outcome.Kind.DUPLICATE, interview, "these notes were taken already");
        }
        DebriefNotes kept = store.notes(interview.id()).orElse(DebriefNotes.NONE).merge(notes);
        store.saveNotes(interview.id(), kept, sourceId);
        String counts = counts(notes) + " given; now " + counts(kept);
        store.journal(interview.id(), clock.instant(), "notes", counts + " (from " + sourceId + ")");
        reviseThankYou(interview.id());
        return new Outcome(Outcome.Kind.UPDATED, interview, counts);
    }

    private static String counts(DebriefNotes notes) {
        return notes.points().size() + " points, " + notes.leads().size() + " leads, " + notes.names().size() + " names, "
                + notes.nextSteps().size() + " next steps" + (notes.article().isBlank() ? "" : ", an article");
    }

    /**
     * Notes that come after the thank-you draft was delivered, or while it is being delivered, ask for it
     * again: one revision, due at once ({@link DraftRevision} waits for the draft, and replaces it only if
     * the user has not touched it). A revision still waiting takes the newest notes, so none is added.
     */
    private void reviseThankYou(long interviewId) {
        if (!store.deliveredOrUnderWay(interviewId, Action.THANK_YOU)) {
            return; // not begun yet: it will be composed from these notes (ActionRunner reads them again once begun)
        }
        List<Integer> revisions = store.draftRevisions(interviewId);
        if (!revisions.isEmpty() && !store.settled(interviewId, Action.thankYouRevision(revisions.get(revisions.size() - 1)))) {
            return;
        }
        Instant now = clock.instant();
        int number = store.requestDraftRevision(interviewId, now);
        store.journal(interviewId, now, "thank-you revision requested", "notes came after the thank-you draft; revision " + number);
        scheduler.schedule(interviewId, new PlannedAction(Action.thankYouRevision(number), now));
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
        return referrerOf(verdict.referrer(), contact, start);
    }

    private Interview.Person referrerOf(String named, Interview.Person contact, Instant start) {
        if (!named.isBlank()) {
            String ref = named;
            return ref.contains("@") ? new Interview.Person(ref.toLowerCase(Locale.ROOT), "") : new Interview.Person("", ref);
        }
        return store.suggestedBy(contact.email())
                .or(() -> store.suggestedBy(contact.name()))
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
