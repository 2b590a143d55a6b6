package org.rebond.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
     * These notes with {@code later} added, as when the user replies a second time or adds notes
     * with {@code rebond notes}: points, leads and next steps not noted yet are appended (two items
     * that differ only in case, accents, spacing or punctuation are one); a name given again (same
     * address, or same name when either has no address) takes the later line's permissions, keeping
     * its place and the address already known; a later article replaces this one. Each list keeps at
     * most {@link NotesParser#MAX_ITEMS} items, the earliest.
     */
    public DebriefNotes merge(DebriefNotes later) {
        List<NameGiven> mergedNames = new ArrayList<>(names);
        for (NameGiven name : later.names) {
            int same = indexOfSame(mergedNames, name);
            if (same < 0) {
                if (mergedNames.size() < NotesParser.MAX_ITEMS) {
                    mergedNames.add(name);
                }
            } else {
                NameGiven earlier = mergedNames.get(same);
                mergedNames.set(same, new NameGiven(earlier.name(), earlier.email().isBlank() ? name.email() : earlier.email(),
                        name.mayNote(), name.mayContact(), name.mayMention(), name.introduces()));
            }
        }
        return new DebriefNotes(union(points, later.points), union(leads, later.leads), mergedNames,
                later.article.isBlank() ? article : later.article, union(nextSteps, later.nextSteps));
    }

    /** Where the same person as {@code name} stands in {@code names}, or -1. */
    public static int indexOfSame(List<NameGiven> names, NameGiven name) {
        for (int i = 0; i < names.size(); i++) {
            NameGiven other = names.get(i);
            boolean bothAddressed = !other.email().isBlank() && !name.email().isBlank();
            if (bothAddressed ? other.email().equalsIgnoreCase(name.email()) : sameText(other.name(), name.name())) {
                return i;
            }
        }
        return -1;
    }

    /** Whether two items say the same, ignoring case, accents, spacing and punctuation. */
    public static boolean sameText(String a, String b) {
        return Questions.fold(a).equals(Questions.fold(b));
    }

    private static List<String> union(List<String> first, List<String> then) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (List<String> list : List.of(first, then)) {
            for (String item : list) {
                if (out.size() < NotesParser.MAX_ITEMS && seen.add(Questions.fold(item))) {
                    out.add(item);
                }
            }
        }
        return out;
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
