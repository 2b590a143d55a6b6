package org.rebond.compose;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.rebond.application.KeepPostedNews;
import org.rebond.config.RebondConfig;
import org.rebond.domain.Action;
import org.rebond.domain.DebriefNotes;
import org.rebond.domain.Interview;
import org.rebond.domain.letter.News;
import org.rebond.domain.letter.NewsLetter;

/**
 * The facts of a keeping-you-posted draft (METHOD M7): what is new since the last draft to the
 * contact ({@link KeepPostedNews}), written as sentences ({@link NewsLetter}); and, once the draft
 * is composed for delivery, the record of what it told.
 */
final class NewsFacts {

    private final RebondConfig.Profile profile;
    private final KeepPostedNews news;

    NewsFacts(RebondConfig.Profile profile, KeepPostedNews news) {
        this.profile = profile;
        this.news = news;
    }

    /**
     * @param texts       the messages exchanged with the contact, whose lower-case words are ordinary words
     * @param asksForAJob whether a step would make the draft ask for a job (M1)
     */
    Map<String, Object> model(Interview interview, Action draft, DebriefNotes notes, List<String> texts, Predicate<String> asksForAJob,
                              Instant now, Locale lang) {
        News found = news.news(interview, draft, now);
        java.util.Set<String> ordinary = ThankYouFacts.ordinaryWords(notes, texts, List.of());
        NewsLetter letter = NewsLetter.write(found, profile.objective(), news.held(now), lang, ordinary::contains, asksForAJob);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("meetings", letter.meetings());
        out.put("steps", letter.steps());
        out.put("articles", letter.articles());
        out.put("standing", letter.standing());
        out.put("leftOut", letter.leftOut());
        out.put("written", !letter.isEmpty());
        return out;
    }

    /** Records what the draft composed now tells, so that the next one tells only what is newer. */
    void told(Interview interview, Action draft, Instant now) {
        news.told(interview, draft, news.news(interview, draft, now), now);
    }
}
