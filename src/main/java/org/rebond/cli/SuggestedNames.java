package org.rebond.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rebond.application.InterviewStore;
import org.rebond.domain.DebriefNotes;
import org.rebond.domain.Interview;

/**
 * The part of {@code rebond status} that lists the names given in debriefs as the suggested next
 * interviews (METHOD M5): who, given by whom at the interview of which day, the permissions in
 * words, and whether the user has met them or has an interview with them scheduled.
 */
final class SuggestedNames {

    private final DateTimeFormatter day;
    private final DateTimeFormatter when;
    private final boolean fr;

    /**
     * @param when the date-and-time format of the rest of status, in the user's zone and language
     * @param day  the date format, in the user's zone and language
     */
    SuggestedNames(DateTimeFormatter when, DateTimeFormatter day, boolean fr) {
        this.when = when;
        this.day = day;
        this.fr = fr;
    }

    /** Prints the section, or nothing when no debrief gave a name. */
    void print(PrintWriter out, List<InterviewStore.NameSuggested> names, List<Interview> interviews, Instant now) {
        if (names.isEmpty()) {
            return;
        }
        out.println();
        out.println(fr ? "Prochains entretiens suggérés (les noms donnés dans vos notes) :"
                : "Suggested next interviews (the names given in your debrief notes):");
        for (InterviewStore.NameSuggested s : names) {
            DebriefNotes.NameGiven n = s.name();
            out.printf("    %s%s%n", n.name(), n.email().isBlank() ? "" : " <" + n.email() + ">");
            out.printf("        %s%n", givenBy(s));
            out.printf("        %s%n", permissions(n, giver(s)));
            out.printf("        %s%n", meeting(n, interviews, now));
        }
    }

    private String givenBy(InterviewStore.NameSuggested s) {
        return (fr ? "donné par " + giver(s) + " lors de votre entretien du " : "given by " + giver(s) + " at your interview on ")
                + day.format(s.metOn()) + " (#" + s.interviewId() + ")";
    }

    private static String giver(InterviewStore.NameSuggested s) {
        return s.by().name().isBlank() ? s.by().email() : s.by().name();
    }

    /** The permissions the contact gave, in words: contact, mention, introduction. */
    String permissions(DebriefNotes.NameGiven n, String giver) {
        if (fr) {
            return (n.introduces() ? giver + " vous présentera ; " : "")
                    + (n.mayContact() ? "vous pouvez prendre contact" : "pas d'accord pour prendre contact : redemandez à " + giver)
                    + " ; " + (n.mayMention() ? "vous pouvez dire que " + giver + " vous l'a suggéré"
                            : "ne dites pas que " + giver + " vous l'a suggéré");
        }
        return (n.introduces() ? giver + " will introduce you; " : "")
                + (n.mayContact() ? "you may get in touch" : "no agreement to get in touch yet: ask " + giver + " again")
                + "; " + (n.mayMention() ? "you may say " + giver + " suggested it" : "do not say " + giver + " suggested it");
    }

    /** Whether an interview with this person was held or is scheduled (matched by address, else by full name). */
    private String meeting(DebriefNotes.NameGiven n, List<Interview> interviews, Instant now) {
        List<Interview> withThem = interviews.stream().filter(Interview::active).filter(i -> same(n, i.contact())).toList();
        Optional<Interview> met = withThem.stream().filter(i -> !i.start().isAfter(now)).reduce((earlier, later) -> later);
        Optional<Interview> next = withThem.stream().filter(i -> i.start().isAfter(now)).findFirst();
        if (met.isPresent()) {
            return (fr ? "rencontré(e) le " : "met on ") + day.format(met.get().start()) + " (#" + met.get().id() + ")";
        }
        if (next.isPresent()) {
            return (fr ? "entretien prévu le " : "interview scheduled for ") + when.format(next.get().start()) + " (#" + next.get().id() + ")";
        }
        return fr ? "pas encore rencontré(e)" : "not met yet";
    }

    /** How status names the referrer of an interview: suggested or introduced, when a debrief gave this contact. */
    String referrerLine(Interview i, Optional<InterviewStore.Suggestion> suggestion) {
        String name = i.referrer().displayName();
        if (suggestion.isPresent() && suggestion.get().by().email().equalsIgnoreCase(i.referrer().email())) {
            InterviewStore.Suggestion s = suggestion.get();
            String on = day.format(s.metOn());
            if (s.introduces()) {
                return fr ? "présenté(e) par " + name + " (promis lors de votre entretien du " + on + ")"
                        : "introduced by " + name + " (as promised at your interview on " + on + ")";
            }
            return fr ? "suggéré(e) par " + name + " lors de votre entretien du " + on : "suggested by " + name + " at your interview on " + on;
        }
        return (fr ? "par l'intermédiaire de " : "introduced by ") + name;
    }

    private static boolean same(DebriefNotes.NameGiven n, Interview.Person contact) {
        if (!n.email().isBlank()) {
            return n.email().equalsIgnoreCase(contact.email());
        }
        return !contact.name().isBlank() && n.name().strip().toLowerCase(Locale.ROOT).equals(contact.name().strip().toLowerCase(Locale.ROOT));
    }
}
