package org.rebond.domain;

import java.util.List;

/**
 * What the user noted after an interview (METHOD M5, M7): points discussed, leads proposed,
 * names given with the permissions obtained, an article to share.
 */
public record DebriefNotes(List<String> points, List<String> leads, List<NameGiven> names, String article) {

    public static final DebriefNotes NONE = new DebriefNotes(List.of(), List.of(), List.of(), "");

    public DebriefNotes {
        points = List.copyOf(points);
        leads = List.copyOf(leads);
        names = List.copyOf(names);
        article = article == null ? "" : article;
    }

    public boolean isEmpty() {
        return points.isEmpty() && leads.isEmpty() && names.isEmpty() && article.isBlank();
    }

    /**
     * A person the contact suggested.
     *
     * @param name        as the user wrote it
     * @param email       lower case, empty when not given
     * @param mayContact  the contact agreed the user may get in touch
     * @param mayMention  the contact agreed the user may say who suggested it
     */
    public record NameGiven(String name, String email, boolean mayContact, boolean mayMention) {}
}
