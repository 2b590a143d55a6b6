package org.rebond.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.rebond.domain.Action;
import org.rebond.domain.Interview;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the prep calendar in step with the interviews: a prep event for each interview whose brief
 * was delivered, moved with the interview, removed when it is cancelled or ignored. It compares
 * what should be there with what was written, so a failed write is simply done at the next upkeep
 * and a restart needs nothing (DESIGN I7).
 */
public final class PrepEventKeeper {

    private static final Logger log = LoggerFactory.getLogger(PrepEventKeeper.class);

    /** The brief as the prep event carries it. */
    public record Brief(String summary, String text, String html) {}

    /** Renders the brief of an interview (the same templates as the delivered brief). */
    @FunctionalInterface
    public interface BriefRenderer {
        Brief render(Interview interview);
    }

    private final InterviewStore store;
    private final Outbox outbox;
    private final PrepCalendar calendar;
    private final BriefRenderer briefs;
    private final Duration prepDuration;
    private final Clock clock;

    public PrepEventKeeper(InterviewStore store, Outbox outbox, PrepCalendar calendar, BriefRenderer briefs, Duration prepDuration,
                           Clock clock) {
        this.clock = clock;
        this.store = store;
        this.outbox = outbox;
        this.calendar = calendar;
        this.briefs = briefs;
        this.prepDuration = prepDuration;
    }

    /** Brings every interview's prep event in step; returns how many were written or removed. */
    public synchronized int upkeep() {
        int changed = 0;
        for (Interview interview : store.all()) {
            try {
                changed += upkeep(interview) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("prep event of interview {} not brought up to date in the prep calendar: {}; next upkeep retries",
                        interview.id(), e.getMessage());
            }
        }
        return changed;
    }

    /** Brings one interview's prep event in step (after its brief was delivered). */
    public synchronized boolean upkeep(long interviewId) {
        return store.byId(interviewId).map(this::upkeep).orElse(false);
    }

    private boolean upkeep(Interview interview) {
        Optional<PrepCalendar.Placement> placed = calendar.placement(interview);
        if (!interview.active()) {
            if (placed.isEmpty()) return false;
            calendar.remove(interview);
            store.journal(interview.id(), clock.instant(), "prep event removed", "from the prep calendar");
            return true;
        }
        boolean briefDelivered = outbox.find(interview.id(), Action.BRIEF).filter(e -> e.state() == Outbox.State.DONE).isPresent();
        if (!briefDelivered) return false;
        Instant start = interview.start().minus(prepDuration);
        Instant end = interview.start();
        if (placed.isPresent() && placed.get().start().equals(start) && placed.get().end().equals(end)) return false;
        Brief brief = briefs.render(interview);
        calendar.write(interview, start, end, brief.summary(), brief.text(), brief.html());
        store.journal(interview.id(), clock.instant(), placed.isPresent() ? "prep event moved" : "prep event written",
                "in the prep calendar, " + start + " – " + end);
        return true;
    }
}
