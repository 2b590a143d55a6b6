package org.rebond.cli;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.rebond.application.ContactActivities;
import org.rebond.domain.Action;
import org.rebond.domain.ContactActivity;
import org.rebond.domain.Interview;
import org.rebond.domain.PlannedAction;
import org.rebond.domain.Planner;

/**
 * What {@code rebond status} says of the keeping-you-posted drafts (METHOD M7): why one that is due
 * waits (an answer owed to the contact, a pause), the meeting that brought one forward, and under
 * the interview with the person met, the news to the one who suggested them.
 */
final class NewsLines {

    private final Planner planner;
    private final ContactActivities activities;
    private final DateTimeFormatter when;
    private final boolean fr;

    NewsLines(Planner planner, ContactActivities activities, DateTimeFormatter when, boolean fr) {
        this.planner = planner;
        this.activities = activities;
        this.when = when;
        this.fr = fr;
    }

    /** The plan of {@code i}, its updates following what happened with the contact. */
    List<PlannedAction> plan(Interview i, Instant now) {
        return planner.plan(i, now, activity(i));
    }

    private ContactActivity activity(Interview i) {
        return i.active() ? activities.of(i) : ContactActivity.none();
    }

    /** The line of a pending update: {@code dueLine}, or why it waits when it is due, or what brought it forward. */
    String line(Interview i, PlannedAction p, Instant now, String dueLine) {
        if (p.action().kind() != Action.Kind.KEEP_POSTED || !i.active()) {
            return dueLine;
        }
        ContactActivity activity = activity(i);
        Optional<String> held = planner.newsHeldBack(i, activity);
        if (held.isPresent() && !p.due().isAfter(now)) {
            return fr ? "en attente : " + FrenchReasons.of(held.get()) : "waiting: " + held.get();
        }
        return planner.newsDue(i, p.action().number(), activity).broughtForwardBy()
                .map(met -> dueLine + ": " + (fr ? "vous avez rencontré " + met.name() + " (#" + met.interviewId() + ") grâce à "
                        : "you met " + met.name() + " (#" + met.interviewId() + ") thanks to ") + i.contact().displayName())
                .orElse(dueLine);
    }

    /** Under an interview with someone suggested: the news to the one who suggested them it brought forward, if any. */
    Optional<String> referredLine(Interview referred) {
        for (Interview i : activities.newsAbout(referred)) {
            ContactActivity activity = activities.of(i);
            int next = activity.newsSettled() + 1;
            if (next > planner.policy().keepPostedAfterEnd().size()) {
                continue;
            }
            Planner.NewsDue due = planner.newsDue(i, next, activity);
            if (due.broughtForwardBy().filter(m -> m.interviewId() == referred.id()).isPresent()) {
                return Optional.of(fr ? "nouvelles à " + i.contact().displayName() + " (#" + i.id() + ") prévues le " + when.format(due.at())
                        + " : vous lui direz que vous avez rencontré " + referred.contact().displayName()
                        : "news to " + i.contact().displayName() + " (#" + i.id() + ") due " + when.format(due.at())
                        + ": you will tell them you met " + referred.contact().displayName());
            }
        }
        return Optional.empty();
    }
}
