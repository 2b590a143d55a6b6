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
import org.rebond.i18n.Messages;

/**
 * The part of {@code rebond status} that lists the names given in debriefs as the suggested next
 * interviews (METHOD M5): who, given by whom at the interview of which day, the permissions in
 * words, and whether the user has met them or has an interview with them scheduled.
 */
final class SuggestedNames {

    private final DateTimeFormatter day;
    private final DateTimeFormatter when;
    private final Messages messages;

    /**
     * @param when the date-and-time format of the rest of status, in the user's zone and language
     * @param day  the date format, in the user's zone and language
     */
    SuggestedNames(DateTimeFormatter when, DateTimeFormatter day, Messages messages) {
        this.when = when;
        this.day = day;
        this.messages = messages;
    }

    /** Prints the section, or nothing when no debrief gave a name. */
    void print(PrintWriter out, List<InterviewStore.NameSuggested> names, List<Interview> interviews, Instant now) {
        if (names.isEmpty()) {
            return;
        }
        out.println();
        out.println(messages.get("names.heading"));
        for (InterviewStore.NameSuggested s : names) {
            DebriefNotes.NameGiven n = s.name();
            out.printf("    %s%s%n", n.name(), n.email().isBlank() ? "" : " <" + n.email() + ">");
            out.printf("        %s%n", givenBy(s));
            out.printf("        %s%n", permissions(n, giver(s)));
            out.printf("        %s%n", meeting(n, interviews, now));
        }
    }

    private String givenBy(InterviewStore.NameSuggested s) {
        return messages.get("names.givenBy", giver(s), day.format(s.metOn()), s.interviewId());
    }

    private static String giver(InterviewStore.NameSuggested s) {
        return s.by().name().isBlank() ? s.by().email() : s.by().name();
    }

    /** The permissions the contact gave, in words: contact, mention, introduction. */
    String permissions(DebriefNotes.NameGiven n, String giver) {
        String sep = messages.get("sep");
        return (n.introduces() ? messages.get("names.introduces", giver) + sep : "")
                + messages.get(n.mayContact() ? "names.mayContact" : "names.mayNotContact", giver)
                + sep + messages.get(n.mayMention() ? "names.mayMention" : "names.mayNotMention", giver);
    }

    /** Whether an interview with this person was held or is scheduled (matched by address, else by full name). */
    private String meeting(DebriefNotes.NameGiven n, List<Interview> interviews, Instant now) {
        List<Interview> withThem = interviews.stream().filter(Interview::active).filter(i -> same(n, i.contact())).toList();
        Optional<Interview> met = withThem.stream().filter(i -> !i.start().isAfter(now)).reduce((earlier, later) -> later);
        Optional<Interview> next = withThem.stream().filter(i -> i.start().isAfter(now)).findFirst();
        if (met.isPresent()) {
            return messages.get("names.met", day.format(met.get().start()), met.get().id());
        }
        if (next.isPresent()) {
            return messages.get("names.scheduled", when.format(next.get().start()), next.get().id());
        }
        return messages.get("names.notMet");
    }

    /** How status names the referrer of an interview: suggested or introduced, when a debrief gave this contact. */
    String referrerLine(Interview i, Optional<InterviewStore.Suggestion> suggestion) {
        String name = i.referrer().displayName();
        if (suggestion.isPresent() && suggestion.get().by().email().equalsIgnoreCase(i.referrer().email())) {
            InterviewStore.Suggestion s = suggestion.get();
            String on = day.format(s.metOn());
            return messages.get(s.introduces() ? "referrer.introducedPromised" : "referrer.suggested", name, on);
        }
        return messages.get("referrer.via", name);
    }

    private static boolean same(DebriefNotes.NameGiven n, Interview.Person contact) {
        if (!n.email().isBlank()) {
            return n.email().equalsIgnoreCase(contact.email());
        }
        return !contact.name().isBlank() && n.name().strip().toLowerCase(Locale.ROOT).equals(contact.name().strip().toLowerCase(Locale.ROOT));
    }
}
