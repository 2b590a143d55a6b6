package org.rebond.cli;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.rebond.application.ReferralNetwork;
import org.rebond.application.ReferralNetwork.Node;
import org.rebond.i18n.Messages;

/**
 * The words {@code rebond network} uses for a contact, in the user's language, shared by the
 * terminal tree and the page: how they were reached, their circle, where the interview stands, the
 * permissions, and whether they wait for news.
 */
final class NetworkWords {

    private final DateTimeFormatter when;
    private final DateTimeFormatter day;
    private final boolean fr;
    private final SuggestedNames names;

    NetworkWords(DateTimeFormatter when, DateTimeFormatter day, boolean fr) {
        this.when = when;
        this.day = day;
        this.fr = fr;
        this.names = new SuggestedNames(when, day, Messages.of("status", fr ? Locale.FRENCH : Locale.ENGLISH));
    }

    boolean french() {
        return fr;
    }

    /** The person as a line names them: "Lou Kim <lou@…>", or the name alone. */
    static String person(Node n) {
        String name = n.person().name().isBlank() ? n.person().email() : n.person().name();
        return n.person().email().isBlank() || name.equals(n.person().email()) ? name : name + " <" + n.person().email() + ">";
    }

    /** "introduced" or "suggested", for the edge from the referrer to the contact. */
    String edge(Node n) {
        boolean introduced = n.link().kind() == ReferralNetwork.LinkKind.INTRODUCED;
        return fr ? (introduced ? "présenté(e)" : "suggéré(e)") : (introduced ? "introduced" : "suggested");
    }

    /** For a root reached through someone outside the network: who, else empty. */
    Optional<String> outside(Node n) {
        if (n.link() == null || !n.link().outside()) {
            return Optional.empty();
        }
        String by = n.link().by().displayName();
        boolean introduced = n.link().kind() == ReferralNetwork.LinkKind.INTRODUCED;
        return Optional.of(fr ? (introduced ? "présenté(e) par " : "suggéré(e) par ") + by + ", hors de votre réseau d'entretiens"
                : (introduced ? "introduced by " : "suggested by ") + by + ", who is outside your interviews");
    }

    String circle(Node n) {
        if (n.circle() == null) {
            return fr ? "cercle non précisé" : "circle not set";
        }
        if (n.circleFrom() != null) {
            return (fr ? "cercle : " + n.circle() + " (hérité de " : "circle: " + n.circle() + " (from ") + n.circleFrom().displayName() + ")";
        }
        return (fr ? "cercle : " : "circle: ") + n.circle();
    }

    String meeting(Node n) {
        ReferralNetwork.Meeting m = n.meeting();
        return switch (m.state()) {
            case HELD -> (fr ? "entretien tenu le " : "interview held on ") + day.format(m.at()) + " (#" + m.interviewId() + ")";
            case SCHEDULED -> (fr ? "entretien prévu le " : "interview scheduled for ") + when.format(m.at()) + " (#" + m.interviewId() + ")";
            case NOT_MET -> fr ? "pas encore rencontré(e)" : "not met yet";
        };
    }

    /** The permissions in words, when the contact was given in a debrief. */
    Optional<String> permissions(Node n) {
        if (n.link() == null || n.link().permissions() == null) {
            return Optional.empty();
        }
        return Optional.of(names.permissions(n.link().permissions(), n.link().by().displayName()));
    }

    Optional<String> waiting(Node n) {
        return n.waitingSince().map(since -> fr
                ? "attend de vos nouvelles : aucun brouillon de nouvelles déposé depuis le " + day.format(since)
                : "waiting for news from you: no keeping-you-posted draft since " + day.format(since));
    }

    /** "1 person", "4 people"; "1 personne", "4 personnes". */
    static String count(int n, boolean fr, String one, String many, String un, String plusieurs) {
        return n + " " + (fr ? (n == 1 ? un : plusieurs) : (n == 1 ? one : many));
    }
}
