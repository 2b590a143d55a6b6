package org.rebond.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rebond.Offline;
import org.rebond.application.Outbox;
import org.rebond.application.Quarantine;
import org.rebond.application.UidValidityChanges;
import org.rebond.config.RebondConfig;
import org.rebond.domain.Action;
import org.rebond.domain.Interview;
import org.rebond.domain.PlannedAction;
import org.rebond.domain.SeenEvent;
import org.rebond.store.InstanceLock;
import org.rebond.application.AccountLeases;

/**
 * What {@code rebond status} tells, read once from the state and shown either as text
 * ({@link StatusText}) or as JSON ({@link StatusJson}): who holds the state, the last word from each
 * server, each interview with where each of its actions stands, the next action due, what was set
 * aside and the events seen but not taken. Reasons are kept as rebond recorded them (in English);
 * the text translates them for a French reader.
 */
record StatusFacts(Instant now, Optional<InstanceLock.Holder> holder, Optional<AccountLeases.Lease> lease, List<ServerLines.Server> servers,
                   List<UidValidityChanges.Pause> pauses, List<InterviewFacts> interviews, Optional<NextDue> next,
                   List<Quarantine.Item> quarantined, List<SeenEvent> seen) {

    /** How long an event seen but not taken stays listed. */
    static final Duration SEEN_FOR = Duration.ofDays(1);
    /** How many of them at most. */
    static final int SEEN_AT_MOST = 20;

    /** Where one action of an interview stands. */
    enum ActionState { DONE, SKIPPED, PENDING, PLANNED, WAITING, CANCELLED }

    /**
     * @param at       when it was done, skipped or last tried; when it is due for the others
     * @param reason   why it was skipped, why it waits, or the last error of a pending one (English, as recorded); empty otherwise
     * @param attempts how many times a pending one was tried
     * @param planned  the plan's entry, for a planned, waiting or cancelled action; null otherwise
     */
    record ActionFacts(Action action, ActionState state, Instant at, String reason, int attempts, PlannedAction planned) {}

    record InterviewFacts(Interview interview, List<ActionFacts> actions) {}

    /** The next action due across the interviews followed. */
    record NextDue(Interview interview, ActionFacts action) {}

    static StatusFacts gather(RebondConfig config, Offline state, NewsLines news, Instant now) {
        List<InterviewFacts> interviews = new ArrayList<>();
        for (Interview i : state.store().all()) {
            interviews.add(new InterviewFacts(i, actions(state.outbox().forInterview(i.id()), news, i, now)));
        }
        Optional<NextDue> next = interviews.stream().filter(f -> f.interview().active())
                .flatMap(f -> f.actions().stream().filter(a -> a.state() == ActionState.PLANNED).map(a -> new NextDue(f.interview(), a)))
                .min(Comparator.comparing(n -> n.action().at()));
        return new StatusFacts(now, state.holder(), state.lease(), ServerLines.servers(config, state), state.validityChanges().pauses(), interviews,
                next, state.quarantine().all(), state.store().recentlySeen(now.minus(SEEN_FOR), SEEN_AT_MOST));
    }

    /** The actions settled or under way in the outbox, then those of the plan not yet there. */
    private static List<ActionFacts> actions(List<Outbox.Entry> entries, NewsLines news, Interview i, Instant now) {
        List<ActionFacts> actions = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        for (Outbox.Entry e : entries) {
            shown.add(e.action().key());
            ActionState s = switch (e.state()) {
                case DONE -> ActionState.DONE;
                case SKIPPED -> ActionState.SKIPPED;
                case APPENDING -> ActionState.PENDING;
            };
            actions.add(new ActionFacts(e.action(), s, e.updatedAt(), e.lastError() == null ? "" : e.lastError(), e.attempts(), null));
        }
        for (PlannedAction p : news.plan(i, now)) {
            if (shown.add(p.action().key())) {
                Optional<String> held = news.heldBack(i, p, now);
                ActionState s = !i.active() ? ActionState.CANCELLED : held.isPresent() ? ActionState.WAITING : ActionState.PLANNED;
                actions.add(new ActionFacts(p.action(), s, p.due(), held.orElse(""), 0, p));
            }
        }
        return actions;
    }

    /**
     * Whether a daemon holds the state, rather than a command changing it for a moment. A holder
     * that did not say what it runs (a daemon of an earlier version) is taken for a daemon.
     */
    boolean daemonRuns() {
        return holder.filter(h -> !h.command().equals(InstanceLock.OFFLINE)).isPresent();
    }
}
