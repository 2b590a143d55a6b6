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
import org.rebond.i18n.Messages;

/**
 * What {@code rebond status} says of the keeping-you-posted drafts (METHOD M7): why one that is due
 * waits (an answer owed to the contact, a pause), the meeting that brought one forward, and under
 * the interview with the person met, the news to the one who suggested them.
 */
final class NewsLines {

    private final Planner planner;
    private final ContactActivities activities;
    private final DateTimeFormatter when;
    private final Messages messages;

    NewsLines(Planner planner, ContactActivities activities, DateTimeFormatter when, Messages messages) {
        this.planner = planner;
        this.activities = activities;
        this.when = when;
        this.messages = messages;
    }

    /** The plan of {@code i}, its updates following what happened with the contact. */
    List<PlannedAction> plan(Interview i, Instant now) {
        return planner.plan(i, now, activity(i));
    }

    private ContactActivity activity(Interview i) {
        return i.active() ? activities.of(i) : ContactActivity.none();
    }

    /** Why a keeping-you-posted draft that is due waits (in English, as rebond records it); empty when it does not wait. */
    Optional<String> heldBack(Interview i, PlannedAction p, Instant now) {
        if (p.action().kind() != Action.Kind.KEEP_POSTED || !i.active() || p.due().isAfter(now)) {
            return Optional.empty();
        }
        return planner.newsHeldBack(i, activity(i));
    }

    /** The line of a pending update: {@code dueLine}, with the meeting that brought it forward if one did. */
    String line(Interview i, PlannedAction p, String dueLine) {
        if (p.action().kind() != Action.Kind.KEEP_POSTED || !i.active()) {
            return dueLine;
        }
        return planner.newsDue(i, p.action().number(), activity(i)).broughtForwardBy()
                .map(met -> messages.get("news.brought", dueLine, met.name(), met.interviewId(), i.contact().displayName()))
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
                return Optional.of(messages.get("news.referred", i.contact().displayName(), i.id(), when.format(due.at()),
                        referred.contact().displayName()));
            }
        }
        return Optional.empty();
    }
}
