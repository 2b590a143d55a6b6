package org.rebond.domain.letter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What there is to tell a contact in a keeping-you-posted message (METHOD M7, M5): the people met
 * thanks to them, and in turn thanks to those (the chain), the steps the user took or set, the
 * articles found since. Each item has a key, so a message can tell only what the earlier ones did
 * not; an item already told stays in the chain to give the next ones their context.
 *
 * @param meetings the interviews held with people the contact referred, each with those it led to
 * @param steps    the user's steps: milestones recorded, next steps noted
 * @param articles articles noted at the later interviews
 */
public record News(List<Meeting> meetings, List<Step> steps, List<Article> articles) {

    public static final News NONE = new News(List.of(), List.of(), List.of());

    public News {
        meetings = List.copyOf(meetings);
        steps = List.copyOf(steps);
        articles = List.copyOf(articles);
    }

    /**
     * An information interview held with someone referred to the user.
     *
     * @param introduced whether the referrer introduced them (rather than suggested the name)
     * @param next       the interviews held with the people this one referred in turn
     * @param told       whether an earlier message told it
     */
    public record Meeting(String key, String name, LocalDate day, boolean introduced, List<Meeting> next, boolean told) {
        public Meeting {
            next = List.copyOf(next);
        }

        Meeting without(Set<String> toldKeys) {
            return new Meeting(key, name, day, introduced, next.stream().map(m -> m.without(toldKeys)).toList(), told || toldKeys.contains(key));
        }

        boolean anythingNew() {
            return !told || next.stream().anyMatch(Meeting::anythingNew);
        }

        void newKeys(List<String> into) {
            if (!told) {
                into.add(key);
            }
            next.forEach(m -> m.newKeys(into));
        }
    }

    /** A step of the user's. */
    public record Step(String key, Kind kind, String text, LocalDate day, String after) {
        public enum Kind {
            /** Recorded with {@code rebond milestone}: done, on {@code day}. */
            MILESTONE,
            /** A next step from the notes of the contact's own interview that the thank-you did not tell: a plan. */
            PLAN,
            /** A next step noted after meeting someone in the chain ({@code after}, their name). */
            PLAN_AFTER
        }
    }

    /** An article noted after meeting someone in the chain ({@code from}, their name). */
    public record Article(String key, String url, String from) {}

    /** This news without what {@code toldKeys} holds (meetings told stay, marked told, for the chain). */
    public News without(Set<String> toldKeys) {
        return new News(meetings.stream().map(m -> m.without(toldKeys)).filter(Meeting::anythingNew).toList(),
                steps.stream().filter(s -> !toldKeys.contains(s.key())).toList(),
                articles.stream().filter(a -> !toldKeys.contains(a.key())).toList());
    }

    /** The keys of what is new here. */
    public List<String> newKeys() {
        List<String> keys = new ArrayList<>();
        meetings.forEach(m -> m.newKeys(keys));
        steps.forEach(s -> keys.add(s.key()));
        articles.forEach(a -> keys.add(a.key()));
        return keys;
    }

    public boolean isEmpty() {
        return newKeys().isEmpty();
    }
}
