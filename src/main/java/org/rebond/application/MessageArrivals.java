package org.rebond.application;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.rebond.domain.CalendarEvent;
import org.rebond.domain.DebriefNotes;
import org.rebond.domain.Interview;
import org.rebond.domain.NotesParser;
import org.rebond.domain.SingleLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The use case "messages arrived": each message seen in a followed folder is kept in the history;
 * its invitations go to the interview service, and a reply of the user's to a debrief prompt is
 * taken as notes. One bad message is quarantined with its reason; the others flow on.
 *
 * <p>Each calendar part is judged by {@link InvitationTriage}, the reading {@code rebond inspect}
 * prints too: a part it sets aside is quarantined, and every other event goes to the interview
 * service with the detector's verdict.
 *
 * <p>Messages are taken a batch at a time: the history of the whole batch is written first, then
 * the invitations and replies among them are acted on (so what they read is complete), then the
 * folder's cursor, all in one transaction ({@link #flush}), so a cursor never passes a message
 * whose invitation was not taken. The mail adapter reads the messages and says, for each, what it
 * carries ({@link Arrival}); everything decided about it is decided here.
 */
public final class MessageArrivals {

    private static final Logger log = LoggerFactory.getLogger(MessageArrivals.class);
    /** The source under which messages are quarantined ({@code rebond status} shows it). */
    public static final String SOURCE = "imap";

    /** Told what each message led to (logs, the demo's narration). */
    @FunctionalInterface
    public interface Listener {
        void taken(String what, InterviewService.Outcome outcome);

        Listener NONE = (what, outcome) -> { };
    }

    /** One calendar part of a message, as downloaded and decoded. */
    public record CalendarPart(int index, String mimeMethod, byte[] content) {}

    /**
     * What a message of the user's or a contact's asks of rebond, beside its place in the history.
     *
     * @param item        the message's quarantine name ({@code folder:uidvalidity:uid})
     * @param quarantined the batch's quarantined items, which this message joins if it fails
     * @param prompted    the interview whose debrief prompt this message of the user's answers
     */
    public record Arrival(String item, Set<String> quarantined, String fromEmail, String messageId, String text,
                          Optional<Long> prompted, List<CalendarPart> calendars) {}

    private final InterviewService interviews;
    private final InterviewStore store;
    private final MessageHistory history;
    private final Quarantine quarantine;
    private final Transactions transactions;
    private final InvitationTriage invitations;
    private final NotesParser notesParser;
    private final Locale language;
    private final Listener listener;
    private final List<MessageHistory.SeenMessage> pending = new ArrayList<>();
    /** What the messages taken since the last flush ask for (invitations, notes), in UID order. */
    private final List<Arrival> arrivals = new ArrayList<>();
    private final Set<String> newlyKnown = new LinkedHashSet<>();

    public MessageArrivals(InterviewService interviews, InterviewStore store, MessageHistory history, Quarantine quarantine,
                           Transactions transactions, InvitationTriage invitations, NotesParser notesParser, Locale language,
                           Listener listener) {
        this.interviews = interviews;
        this.store = store;
        this.history = history;
        this.quarantine = quarantine;
        this.transactions = transactions;
        this.invitations = invitations;
        this.notesParser = notesParser;
        this.language = language;
        this.listener = listener;
    }

    /** Keeps a message in the history at the next flush. */
    public void seen(MessageHistory.SeenMessage message) {
        pending.add(message);
    }

    /** Acts on what a message carries at the next flush, once the batch's history is written. */
    public void arrived(Arrival arrival) {
        if (arrival.prompted().isPresent() || !arrival.calendars().isEmpty()) {
            arrivals.add(arrival);
        }
    }

    /** Sets a message aside with its reason, once per batch; it is not read again. */
    public void quarantine(String item, Set<String> quarantined, String reason) {
        quarantine.add(SOURCE, item, reason);
        quarantined.add(item);
        log.warn("message {} quarantined: {} — it will not be retried; see `rebond status`", item, reason);
    }

    /**
     * Writes the history kept since the last flush, acts on the invitations and debrief replies
     * among them, and runs {@code cursor} (the folder's), all in one transaction: a cursor is never
     * kept without what its messages led to, and a power cut loses them together (the messages are
     * then read again). Each arrival is a savepoint of its own: one that fails is undone alone and
     * its message quarantined. What the arrivals led to is logged and told once committed.
     *
     * @param cursor the write of the folder's cursor, or null
     */
    public void flush(Runnable cursor) {
        List<MessageHistory.SeenMessage> rows = List.copyOf(pending);
        pending.clear();
        List<Arrival> acts = List.copyOf(arrivals);
        arrivals.clear();
        if (acts.isEmpty()) {
            history.recordAll(rows, cursor);
            return;
        }
        List<Runnable> toTell = new ArrayList<>();
        // The interview service's lock before the transaction's: the order every thread takes them in.
        interviews.exclusively(() -> transactions.inOneTransaction(() -> {
            history.recordAll(rows);
            for (Arrival a : acts) {
                actOn(a, toTell);
            }
            if (cursor != null) {
                history.recordAll(List.of(), cursor);
            }
        }));
        toTell.forEach(Runnable::run);
    }

    /** The people who became known contacts (an interview was created or updated) since the last call. */
    public List<String> newlyKnownContacts() {
        List<String> out = List.copyOf(newlyKnown);
        newlyKnown.clear();
        return out;
    }

    private void actOn(Arrival a, List<Runnable> toTell) {
        List<Runnable> told = new ArrayList<>();
        try {
            transactions.inSavepoint(() -> {
                a.prompted().ifPresent(interviewId -> takeNotes(interviewId, a, told));
                takeInvitations(a, told);
                return null;
            });
            toTell.addAll(told);
        } catch (RuntimeException e) {
            quarantine(a.item(), a.quarantined(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void takeInvitations(Arrival a, List<Runnable> told) {
        for (CalendarPart part : a.calendars()) {
            InvitationTriage.PartVerdict triage = invitations.triage(part.content(), part.mimeMethod());
            triage.methodMismatch().ifPresent(mismatch -> log.info("invitation in message {} (part {}): {}; the calendar's method is used",
                    a.item(), part.index(), mismatch));
            if (triage.setAside().isPresent()) {
                String reason = triage.setAside().get();
                quarantine.add(SOURCE, a.item() + "#" + part.index(), reason);
                log.warn("invitation in message {} (part {}) quarantined: {}", a.item(), part.index(), reason);
                continue;
            }
            for (InvitationTriage.EventVerdict judged : triage.events()) {
                CalendarEvent event = judged.event();
                InterviewService.Outcome outcome = interviews.onInvitation(event, judged.verdict(), a.fromEmail(), a.messageId());
                told.add(() -> {
                    log.info("invitation \"{}\" from {}: {} ({})", SingleLine.of(event.summary()), a.fromEmail(),
                            outcome.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), outcome.detail());
                    listener.taken(event.summary(), outcome);
                });
                if (outcome.interview() != null && (outcome.kind() == InterviewService.Outcome.Kind.CREATED
                        || outcome.kind() == InterviewService.Outcome.Kind.UPDATED)) {
                    newlyKnown.add(outcome.interview().contact().email().toLowerCase(Locale.ROOT));
                    if (outcome.interview().referrer() != null) {
                        newlyKnown.add(outcome.interview().referrer().email().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
    }

    private void takeNotes(long interviewId, Arrival a, List<Runnable> told) {
        Optional<Interview> interview = store.byId(interviewId);
        if (interview.isEmpty() || store.notesTakenFrom(interviewId, a.messageId())) {
            return;
        }
        DebriefNotes notes = notesParser.parse(a.text());
        List<String> asks = notesParser.jobRequestPhrases(a.text(), language);
        if (!asks.isEmpty()) {
            log.info("the notes for interview {} ask for a job ({}); the thank-you leaves those notes out and says so in its "
                    + "first line: an information interview asks for information only", interviewId, String.join(", ", asks));
        }
        InterviewService.Outcome recorded = interviews.recordNotes(interview.get(), notes, a.messageId());
        told.add(() -> {
            log.info("debrief notes received for interview {}: {}", interviewId, recorded.detail());
            listener.taken("notes", new InterviewService.Outcome(InterviewService.Outcome.Kind.UPDATED, interview.get(), "debrief notes received"));
        });
    }
}
