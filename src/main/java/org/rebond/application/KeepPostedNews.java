package org.rebond.application;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.rebond.domain.Action;
import org.rebond.domain.DebriefNotes;
import org.rebond.domain.Interview;
import org.rebond.domain.Milestone;
import org.rebond.domain.Planner;
import org.rebond.domain.letter.News;

/**
 * What a keeping-you-posted draft can tell a contact (METHOD M7): the interviews held with the
 * people they referred and, in turn, with those these referred; the milestones the user recorded
 * since the interview, for everyone or for this contact; the next steps and articles noted since.
 * Each draft tells only what the delivered ones did not; with nothing new, no draft is made and
 * {@link #nothingNew} says why, in words {@code rebond status} shows.
 */
public final class KeepPostedNews {

    /** How far the chain of referrals is followed: the contact's names, theirs, and theirs. */
    private static final int CHAIN_DEPTH = 3;
    /** The thank-you tells at most this many of the next steps noted at the interview. */
    private static final int TOLD_IN_THE_THANK_YOU = 2;
    /** Next steps taken from each later interview's notes. */
    private static final int STEPS_PER_LATER_INTERVIEW = 2;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private final InterviewStore store;
    private final NewsKeeper keeper;
    private final Planner planner;
    private final ZoneId zone;

    /** {@code zone}: the user's, in which the days of the news are told. */
    public KeepPostedNews(InterviewStore store, NewsKeeper keeper, Planner planner, ZoneId zone) {
        this.store = store;
        this.keeper = keeper;
        this.planner = planner;
        this.zone = zone;
    }

    /** Everything there is to tell about the time since the interview, what earlier delivered drafts told marked or left out. */
    public News news(Interview interview, Action draft, Instant now) {
        String contact = interview.contact().email();
        List<News.Meeting> meetings = meetings(contact, now, 1, new HashSet<>(Set.of(contact.toLowerCase(Locale.ROOT))));
        List<News.Step> steps = new ArrayList<>();
        for (Milestone m : keeper.milestones()) {
            if (m.isFor(contact) && m.at().isAfter(interview.end()) && !m.at().isAfter(now)) {
                steps.add(new News.Step(m.key(), News.Step.Kind.MILESTONE, m.text(), m.at().atZone(zone).toLocalDate(), ""));
            }
        }
        List<String> ownSteps = store.notes(interview.id()).map(DebriefNotes::nextSteps).orElse(List.of());
        for (int i = TOLD_IN_THE_THANK_YOU; i < ownSteps.size(); i++) {
            steps.add(new News.Step("plan:" + interview.id() + ":" + i, News.Step.Kind.PLAN, ownSteps.get(i), null, ""));
        }
        List<News.Article> articles = new ArrayList<>();
        for (Interview later : chainOf(meetings)) {
            DebriefNotes notes = store.notes(later.id()).orElse(DebriefNotes.NONE);
            String who = later.contact().displayName();
            for (int i = 0; i < Math.min(STEPS_PER_LATER_INTERVIEW, notes.nextSteps().size()); i++) {
                steps.add(new News.Step("plan:" + later.id() + ":" + i, News.Step.Kind.PLAN_AFTER, notes.nextSteps().get(i), null, who));
            }
            if (!notes.article().isBlank()) {
                articles.add(new News.Article("article:" + later.id(), notes.article(), who));
            }
        }
        return new News(meetings, steps, articles).without(keeper.toldTo(contact, interview.id(), draft));
    }

    /** Why no keeping-you-posted draft is made now: nothing new since the last one; empty when there is news. */
    public Optional<String> nothingNew(Interview interview, Action draft, Instant now) {
        if (!news(interview, draft, now).isEmpty()) {
            return Optional.empty();
        }
        String who = firstName(interview.contact().displayName());
        Optional<Instant> next = planner.dueOf(interview, Action.keepPosted(draft.number() + 1), now);
        return Optional.of("nothing new to tell " + who + " yet; "
                + next.map(at -> "next look on " + DAY.format(at.atZone(zone))).orElse("no later update is planned"));
    }

    /** Records what a draft about to be delivered tells, so the next one tells only what is newer. */
    public void told(Interview interview, Action draft, News news, Instant at) {
        keeper.tell(interview.contact().email(), interview.id(), draft, news.newKeys(), at);
    }

    /** How many information interviews the user had held by {@code now}. */
    public int held(Instant now) {
        return (int) store.all().stream().filter(i -> i.state() == Interview.State.SCHEDULED && !i.end().isAfter(now)).count();
    }

    private List<News.Meeting> meetings(String referrer, Instant now, int depth, Set<String> seen) {
        List<News.Meeting> out = new ArrayList<>();
        for (Interview later : store.metThanksTo(referrer)) {
            String email = later.contact().email().toLowerCase(Locale.ROOT);
            if (later.end().isAfter(now) || !seen.add(email)) {
                continue;
            }
            boolean introduced = store.suggestionFor(email).filter(s -> s.by().email().equalsIgnoreCase(referrer))
                    .map(InterviewStore.Suggestion::introduces).orElse(false);
            List<News.Meeting> next = depth < CHAIN_DEPTH ? meetings(email, now, depth + 1, seen) : List.of();
            out.add(new News.Meeting("met:" + later.id(), later.contact().displayName(), later.start().atZone(zone).toLocalDate(),
                    introduced, next, false));
        }
        return out;
    }

    /** The interviews of the chain, found again by their keys. */
    private List<Interview> chainOf(List<News.Meeting> meetings) {
        List<Interview> out = new ArrayList<>();
        for (News.Meeting m : meetings) {
            store.byId(Long.parseLong(m.key().substring("met:".length()))).ifPresent(out::add);
            out.addAll(chainOf(m.next()));
        }
        return out;
    }

    private static String firstName(String name) {
        String[] words = name.strip().split("\\s+");
        return words.length > 1 && words[0].length() > 1 && !words[0].endsWith(".") && !words[0].contains("@") ? words[0] : name.strip();
    }
}
