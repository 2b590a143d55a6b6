package org.rebond.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.rebond.domain.Action;
import org.rebond.domain.ContactActivity;
import org.rebond.domain.Interview;

/**
 * Gathers what happened with the contact of an interview since it ended ({@link ContactActivity}),
 * for the keep-posted cadence the {@code Planner} decides: the messages either way kept in the
 * mailbox history (copies in a drafts folder are not messages sent), other meetings with the
 * contact, the meetings held with people they suggested, and the updates already made.
 */
public final class ContactActivities {

    /** How many of the latest messages with the contact are looked at. */
    private static final int LATEST = 200;
    /** How many are read first: enough when the contact wrote among them. */
    private static final int FIRST_LOOK = 20;
    private static final Pattern DRAFTS_FOLDER = Pattern.compile("(?i).*(draft|brouillon).*");

    private final InterviewStore store;
    private final Outbox outbox;
    private final MessageHistory history;
    private final Predicate<String> isUser;
    private final Clock clock;
    /** The latest messages with a contact (a lower-case address) after an instant, from the history or remembered. */
    private final MessagesAfter latestAfter;

    /** The latest {@code limit} messages with a contact (a lower-case address) sent after an instant, newest first. */
    @FunctionalInterface
    private interface MessagesAfter {
        List<MessageHistory.SeenMessage> read(String contact, Instant after, int limit);
    }

    /** {@code isUser}: whether an address is one of the user's ({@code profile.addresses}). */
    public ContactActivities(InterviewStore store, Outbox outbox, MessageHistory history, Predicate<String> isUser, Clock clock) {
        this(store, outbox, history, isUser, clock, history::exchangedAfter);
    }

    private ContactActivities(InterviewStore store, Outbox outbox, MessageHistory history, Predicate<String> isUser, Clock clock,
                              MessagesAfter latestAfter) {
        this.store = store;
        this.outbox = outbox;
        this.history = history;
        this.isUser = isUser;
        this.clock = clock;
        this.latestAfter = latestAfter;
    }

    /**
     * The same, for one pass over many interviews taken contact by contact, each contact's in the
     * order they ended, while the history does not change (a start re-plans them all in one
     * transaction): what was read for a contact's first interview serves the ones after it, so a
     * contact met several times is read once. Only the last contact's messages are kept. Not to
     * keep beyond that pass.
     */
    public ContactActivities readingEachContactOnce() {
        return new ContactActivities(store, outbox, history, isUser, clock, new LastContactKept(latestAfter));
    }

    /**
     * The latest messages after an instant, kept for the last contact asked for: asked again for
     * that contact after a later instant, the first of those kept that are after it are the answer
     * (the latest ones after the earlier instant begin with the latest ones after the later one),
     * unless more are asked for than were read and there may be more.
     */
    private static final class LastContactKept implements MessagesAfter {
        private final MessagesAfter read;
        private String contact;
        private Instant after;
        private int limit;
        private List<MessageHistory.SeenMessage> messages;

        LastContactKept(MessagesAfter read) {
            this.read = read;
        }

        @Override
        public List<MessageHistory.SeenMessage> read(String asked, Instant askedAfter, int askedLimit) {
            if (asked.equals(contact) && !askedAfter.isBefore(after) && (askedLimit <= limit || messages.size() < limit)) {
                return messages.stream().filter(m -> m.sentAt().isAfter(askedAfter)).limit(askedLimit).toList();
            }
            contact = asked;
            after = askedAfter;
            limit = askedLimit;
            messages = read.read(asked, askedAfter, askedLimit);
            return messages;
        }
    }

    /** What happened with the contact of {@code interview} since it ended, as far as rebond can see now. */
    public ContactActivity of(Interview interview) {
        String contact = interview.contact().email().toLowerCase(Locale.ROOT);
        Instant end = interview.end();
        Instant now = clock.instant();
        List<MessageHistory.SeenMessage> exchanges = exchangesSince(contact, end, now);
        Optional<Instant> lastMeeting = store.withContact(contact).stream()
                .filter(i -> i.id() != interview.id() && i.active())
                .map(Interview::end).filter(e -> e.isAfter(end) && !e.isAfter(now)).max(Comparator.naturalOrder());
        Optional<MessageHistory.SeenMessage> latest = exchanges.stream().findFirst();
        Optional<Instant> lastExchange = latest.map(MessageHistory.SeenMessage::sentAt)
                .map(at -> lastMeeting.filter(m -> m.isAfter(at)).orElse(at)).or(() -> lastMeeting);
        Optional<ContactActivity.Message> unanswered = latest.filter(m -> fromContact(m, contact))
                .filter(m -> lastMeeting.isEmpty() || m.sentAt().isAfter(lastMeeting.get()))
                .map(m -> new ContactActivity.Message(m.sentAt(), m.subject()));

        List<Outbox.Entry> news = outbox.forInterview(interview.id()).stream()
                .filter(e -> e.action().kind() == Action.Kind.KEEP_POSTED).toList();
        int settled = (int) news.stream().filter(e -> e.state() != Outbox.State.APPENDING).count();
        List<Instant> made = news.stream().filter(e -> e.state() == Outbox.State.DONE).map(Outbox.Entry::updatedAt).sorted().toList();
        Optional<Instant> lastNews = made.isEmpty() ? Optional.empty() : Optional.of(made.get(made.size() - 1));

        // The updates the user sent: their messages to the contact since the first update was made and the contact last wrote.
        Optional<Instant> contactLastWrote = exchanges.stream().filter(m -> fromContact(m, contact)).map(MessageHistory.SeenMessage::sentAt).findFirst();
        int unansweredUpdates = made.isEmpty() ? 0 : (int) exchanges.stream()
                .filter(m -> toContact(m, contact) && !m.sentAt().isBefore(made.get(0)))
                .filter(m -> contactLastWrote.isEmpty() || m.sentAt().isAfter(contactLastWrote.get()))
                .count();

        List<ContactActivity.Met> met = store.metThanksTo(contact).stream()
                .filter(i -> i.id() != interview.id() && i.end().isAfter(end))
                .map(i -> new ContactActivity.Met(i.id(), i.contact().displayName(), i.end()))
                .toList();
        return new ContactActivity(lastExchange, unanswered, met, lastNews, settled, unansweredUpdates);
    }

    /**
     * The messages exchanged with the contact between {@code end} and {@code now}, newest first:
     * the latest {@value #FIRST_LOOK} at first, which are enough once the contact wrote among them
     * (what is older than the contact's last message changes nothing of the activity), else the
     * latest {@value #LATEST}.
     */
    private List<MessageHistory.SeenMessage> exchangesSince(String contact, Instant end, Instant now) {
        List<MessageHistory.SeenMessage> read = latestAfter.read(contact, end, FIRST_LOOK);
        List<MessageHistory.SeenMessage> first = exchanges(read, contact, now);
        if (read.size() < FIRST_LOOK || first.stream().anyMatch(m -> fromContact(m, contact))) {
            return first;
        }
        return exchanges(latestAfter.read(contact, end, LATEST), contact, now);
    }

    private List<MessageHistory.SeenMessage> exchanges(List<MessageHistory.SeenMessage> read, String contact, Instant now) {
        Set<String> seen = new HashSet<>();
        return read.stream()
                .filter(m -> !m.sentAt().isAfter(now))
                .filter(m -> !DRAFTS_FOLDER.matcher(m.folder()).matches())
                .filter(m -> fromContact(m, contact) || toContact(m, contact))
                .filter(m -> m.messageId() == null || m.messageId().isBlank() || seen.add(m.messageId()))
                .sorted(Comparator.comparing(MessageHistory.SeenMessage::sentAt).reversed())
                .toList();
    }

    /** The interviews whose updates a meeting with {@code referred} may bring forward: those with the person who suggested them. */
    public List<Interview> newsAbout(Interview referred) {
        if (referred.referrer() == null || referred.referrer().email().isBlank()) {
            return List.of();
        }
        return store.withContact(referred.referrer().email()).stream()
                .filter(i -> i.id() != referred.id() && i.active())
                .toList();
    }

    private static boolean fromContact(MessageHistory.SeenMessage m, String contact) {
        return contact.equalsIgnoreCase(m.fromEmail());
    }

    private boolean toContact(MessageHistory.SeenMessage m, String contact) {
        return m.fromEmail() != null && isUser.test(m.fromEmail()) && m.recipients().contains(contact);
    }
}
