package org.rebond.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rebond.domain.Action;
import org.rebond.domain.Interview;
import org.rebond.domain.PlannedAction;
import org.rebond.domain.Planner;

/**
 * {@code rebond done ID}: the user is done keeping a contact posted (METHOD M7). The updates not
 * made yet for every interview with that contact are settled as skipped, each with the reason the
 * user reads in {@code rebond status}, and the interviews are re-planned (their triggers go).
 */
public final class KeepPostedStop {

    private final InterviewService service;
    private final InterviewStore store;
    private final Outbox outbox;
    private final Planner planner;
    private final Clock clock;

    public KeepPostedStop(InterviewService service, InterviewStore store, Outbox outbox, Planner planner, Clock clock) {
        this.service = service;
        this.store = store;
        this.outbox = outbox;
        this.planner = planner;
        this.clock = clock;
    }

    /** Why the updates were skipped, as {@code rebond status} shows it. */
    public static String reason(Interview interview) {
        return "you said you were done keeping " + interview.contact().displayName() + " posted";
    }

    /** Settles the pending updates to the contact of {@code interview}; UPDATED with how many, DUPLICATE when none was pending. */
    public InterviewService.Outcome stop(Interview interview) {
        int[] count = {0};
        service.exclusively(() -> {
            Instant now = clock.instant();
            List<Interview> withContact = store.withContact(interview.contact().email());
            for (Interview i : withContact) {
                Map<Action, String> reasons = new LinkedHashMap<>();
                for (PlannedAction p : planner.plan(i, now)) {
                    if (p.action().kind() == Action.Kind.KEEP_POSTED && outbox.find(i.id(), p.action()).isEmpty()) {
                        reasons.put(p.action(), reason(interview));
                    }
                }
                store.skip(i.id(), reasons, now);
                count[0] += reasons.size();
                if (!reasons.isEmpty()) {
                    service.replan(i.id());
                }
            }
        });
        return count[0] == 0
                ? new InterviewService.Outcome(InterviewService.Outcome.Kind.DUPLICATE, interview, "no update was pending")
                : new InterviewService.Outcome(InterviewService.Outcome.Kind.UPDATED, interview, count[0] + " pending update(s) skipped");
    }
}
