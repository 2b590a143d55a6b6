package org.rebond.application;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.rebond.domain.Interview;
import org.rebond.domain.SingleLine;

/**
 * Whether the user has written to the contact since the interview ended (a message from one of the
 * user's addresses to the contact, in INBOX, Sent or the archive): then a thank-you draft would be
 * a second thanks, and is not made. Copies in a drafts folder are not messages sent.
 */
public final class UserWroteFirst {

    /** How many of the latest messages with the contact are looked at. */
    private static final int LATEST = 200;
    private static final Pattern DRAFTS_FOLDER = Pattern.compile("(?i).*(draft|brouillon).*");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private final MessageHistory history;
    private final Predicate<String> isUser;

    /** {@code isUser}: whether an address is one of the user's ({@code profile.addresses}). */
    public UserWroteFirst(MessageHistory history, Predicate<String> isUser) {
        this.history = history;
        this.isUser = isUser;
    }

    /** Why no thank-you is drafted, in words the user reads in {@code rebond status}; empty when none was written since the end. */
    public Optional<String> reason(Interview interview) {
        String contact = interview.contact().email().toLowerCase(Locale.ROOT);
        return history.with(contact, LATEST).stream()
                .filter(m -> m.sentAt() != null && m.sentAt().isAfter(interview.end()))
                .filter(m -> isUser.test(m.fromEmail()) && m.recipients().contains(contact))
                .filter(m -> !DRAFTS_FOLDER.matcher(m.folder()).matches())
                .min(Comparator.comparing(MessageHistory.SeenMessage::sentAt))
                .map(m -> "you already wrote to " + interview.contact().displayName() + " on " + DAY.format(m.sentAt().atZone(zoneOf(interview)))
                        + " (subject \"" + SingleLine.of(m.subject()) + "\"); no thank-you draft made");
    }

    private static ZoneId zoneOf(Interview interview) {
        try {
            return ZoneId.of(interview.zone());
        } catch (DateTimeException | NullPointerException e) {
            return ZoneOffset.UTC;
        }
    }
}
