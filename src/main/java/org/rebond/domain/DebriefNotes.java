package org.rebond.domain;

import java.util.List;

/**
 * What the user noted after an interview (METHOD M5, M7): points learned, leads proposed, names
 * given with the permissions obtained, an article to share, and the next steps the user set.
 */
public record DebriefNotes(List<String> points, List<String> leads, List<NameGiven> names, String article, List<String> nextSteps) {

    public static final DebriefNotes NONE = new DebriefNotes(List.of(), List.of(), List.of(), "", List.of());

    public DebriefNotes {
        points = List.copyOf(points);
        leads = List.copyOf(leads);
        names = List.copyOf(names);
        article = article == null ? "" : article;
        nextSteps = List.copyOf(nextSteps);
    }

    /** Notes without next steps (the older shape, still what most replies hold). */
    public DebriefNotes(List<String> points, List<String> leads, List<NameGiven> names, String article) {
        this(points, leads, names, article, List.of());
    }

    public boolean isEmpty() {
        return points.isEmpty() && leads.isEmpty() && names.isEmpty() && article.isBlank() && nextSteps.isEmpty();
    }

    /**
     * A person the contact named (M5), with the three permissions asked one after the other.
     *
     * @param name        as the user wrote it
     * @param email       lower case, empty when not given
     * @param mayNote     the contact agreed the user may keep the name (true unless the notes say otherwise)
     * @param mayContact  the contact agreed the user may get in touch
     * @param mayMention  the contact agreed the user may say who suggested it
     * @param introduces  the contact offered to introduce the user themselves (an introduction, not a suggestion)
     */
    public record NameGiven(String name, String email, boolean mayNote, boolean mayContact, boolean mayMention, boolean introduces) {

        /** A name suggested with the two permissions most notes speak of. */
        public NameGiven(String name, String email, boolean mayContact, boolean mayMention) {
            this(name, email, true, mayContact, mayMention, false);
        }
    }
}
