package org.rebond.cli;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.rebond.application.ReferralNetwork;
import org.rebond.application.ReferralNetwork.Node;
import org.rebond.i18n.Messages;

/**
 * The words {@code rebond network} uses for a contact, in the user's language (the {@code network}
 * sentences), shared by the terminal tree and the page: how they were reached, their circle, where
 * the interview stands, the permissions, and whether they wait for news.
 */
final class NetworkWords {

    private final DateTimeFormatter when;
    private final DateTimeFormatter day;
    private final Messages say;
    private final SuggestedNames names;

    NetworkWords(DateTimeFormatter when, DateTimeFormatter day, Locale language) {
        this.when = when;
        this.day = day;
        this.say = Messages.of("network", language);
        this.names = new SuggestedNames(when, day, Messages.of("status", language));
    }

    boolean french() {
        return say.french();
    }

    /** The sentence {@code key} of the {@code network} area. */
    String say(String key, Object... arguments) {
        return say.get(key, arguments);
    }

    /** "1 person", "4 people"; "1 personne", "4 personnes". */
    String count(String key, long n) {
        return say.count(key, n);
    }

    /** The person as a line names them: "Lou Kim <lou@…>", or the name alone. */
    static String person(Node n) {
        String name = n.person().name().isBlank() ? n.person().email() : n.person().name();
        return n.person().email().isBlank() || name.equals(n.person().email()) ? name : name + " <" + n.person().email() + ">";
    }

    /** "introduced" or "suggested", for the edge from the referrer to the contact. */
    String edge(Node n) {
        return say.get(n.link().kind() == ReferralNetwork.LinkKind.INTRODUCED ? "edge.introduced" : "edge.suggested");
    }

    /** For a root reached through someone outside the network: who, else empty. */
    Optional<String> outside(Node n) {
        if (n.link() == null || !n.link().outside()) {
            return Optional.empty();
        }
        boolean introduced = n.link().kind() == ReferralNetwork.LinkKind.INTRODUCED;
        return Optional.of(say.get(introduced ? "outside.introduced" : "outside.suggested", n.link().by().displayName()));
    }

    String noCircle() {
        return say.get("circle.none");
    }

    String circle(Node n) {
        if (n.circle() == null) {
            return noCircle();
        }
        if (n.circleFrom() != null) {
            return say.get("circle.inherited", n.circle(), n.circleFrom().displayName());
        }
        return say.get("circle", n.circle());
    }

    String meeting(Node n) {
        ReferralNetwork.Meeting m = n.meeting();
        return switch (m.state()) {
            case HELD -> say.get("meeting.held", day.format(m.at()), m.interviewId());
            case SCHEDULED -> say.get("meeting.scheduled", when.format(m.at()), m.interviewId());
            case NOT_MET -> say.get("meeting.not.met");
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
        return n.waitingSince().map(since -> say.get("waiting", day.format(since)));
    }
}
