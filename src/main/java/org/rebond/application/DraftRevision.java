package org.rebond.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.rebond.domain.Action;
import org.rebond.domain.Interview;
import org.rebond.domain.SingleLine;

/**
 * Writes the thank-you draft again with notes that came after it (an action
 * {@code THANK_YOU_REVISION #n}), exactly once, and only over a draft the user has not touched:
 * <ol>
 * <li>The draft it would replace is the latest one delivered (the thank-you, or the latest revision
 * done), known by its Message-ID and digest.</li>
 * <li>If a revision's row is still appending (an interrupted attempt) and its draft is in Drafts,
 * the append happened: only the removal of the old draft and the final commit remain.</li>
 * <li>Otherwise the old draft is looked at: gone (sent, deleted) or edited, it is kept as the user
 * left it, and the revision is settled as skipped with that reason.</li>
 * <li>Untouched: a row with a new token and Message-ID is committed, then its digest, the new draft
 * is appended, the old one removed if it is still untouched, and the row marked done.</li>
 * </ol>
 * A stop between the append and the removal leaves the row appending; the next attempt finds the
 * new draft and removes the old one, so the user never keeps two drafts, nor loses both.
 */
final class DraftRevision {

    static final String KEPT = "the thank-you draft was kept as you left it; your new notes were not applied to it";

    private final InterviewStore store;
    private final Outbox outbox;
    private final MessageComposer composer;
    private final MailDrop mailDrop;
    private final Clock clock;
    private final Supplier<String> tokens;
    private final String messageIdDomain;

    DraftRevision(InterviewStore store, Outbox outbox, MessageComposer composer, MailDrop mailDrop, Clock clock, Supplier<String> tokens,
                  String messageIdDomain) {
        this.store = store;
        this.outbox = outbox;
        this.composer = composer;
        this.mailDrop = mailDrop;
        this.clock = clock;
        this.tokens = tokens;
        this.messageIdDomain = messageIdDomain;
    }

    /** How long a revision waits for a thank-you still being delivered (its append retried after a failure, say). */
    static final Duration WAIT_FOR_THANK_YOU = Duration.ofSeconds(30);

    /** Runs revision {@code action} of the interview's thank-you; {@code entry} is its interrupted row, or null. */
    ActionRunner.Result run(Interview interview, Action action, Outbox.Entry entry) {
        long interviewId = interview.id();
        Optional<Outbox.Entry> current = currentDraft(interviewId, action.number());
        Instant now = clock.instant();
        if (interview.active() && current.isEmpty() && store.deliveredOrUnderWay(interviewId, Action.THANK_YOU)) {
            // The notes came while the thank-you was being written: it is revised once it is there.
            return new ActionRunner.Result(ActionRunner.Result.Kind.WAIT, now.plus(WAIT_FOR_THANK_YOU), "the thank-you is still being delivered");
        }
        if (!interview.active() || current.isEmpty()) {
            String reason = current.isEmpty() ? "no thank-you draft was delivered to revise"
                    : "interview " + interview.state().name().toLowerCase(Locale.ROOT);
            settleSkipped(interviewId, action, entry, reason, now);
            return new ActionRunner.Result(ActionRunner.Result.Kind.SKIPPED, null, reason);
        }
        Outbox.Entry old = current.get();
        if (entry != null) {
            OptionalLong there = mailDrop.find(OutgoingMessage.Destination.DRAFTS, entry.token(), entry.messageId());
            if (there.isPresent()) {
                return finish(interviewId, action, entry, old, there.getAsLong(), "found in Drafts after an interruption; not appended twice");
            }
        }
        MailDrop.DraftState state = mailDrop.draftState(old.messageId(), old.digest());
        if (state != MailDrop.DraftState.UNTOUCHED) {
            String why = state == MailDrop.DraftState.EDITED ? " (you edited it)" : " (it is no longer in Drafts: sent, deleted or saved anew)";
            settleSkipped(interviewId, action, entry, KEPT, now);
            store.journal(interviewId, now, "thank-you draft kept", KEPT + why);
            return new ActionRunner.Result(ActionRunner.Result.Kind.SKIPPED, null, KEPT + why);
        }
        OutgoingMessage message;
        if (entry == null) {
            String token = tokens.get();
            String messageId = "<rebond." + token + "@" + messageIdDomain + ">";
            message = composer.compose(interview, Action.THANK_YOU, token, messageId);
            entry = outbox.begin(interviewId, action, OutgoingMessage.Destination.DRAFTS, token, messageId, old.messageId(), now);
        } else {
            message = composer.compose(interview, Action.THANK_YOU, entry.token(), entry.messageId());
        }
        outbox.recordDigest(entry.id(), DraftDigest.of(SingleLine.of(message.subject()), message.text()));
        long uid = mailDrop.append(message);
        return finish(interviewId, action, entry, old, uid, "draft in Drafts: " + message.subject());
    }

    /** The new draft is in Drafts: the old one goes if it is still untouched, and the row is done. */
    private ActionRunner.Result finish(long interviewId, Action action, Outbox.Entry entry, Outbox.Entry old, long uid, String detail) {
        MailDrop.DraftState removed = mailDrop.deleteDraftIfUntouched(old.messageId(), old.digest());
        outbox.markDone(entry.id(), uid, clock.instant());
        String fate = switch (removed) {
            case UNTOUCHED -> "the earlier draft, untouched, was removed";
            case EDITED -> "the earlier draft was edited meanwhile and is kept beside it";
            case ABSENT -> "the earlier draft is no longer in Drafts";
        };
        store.journal(interviewId, clock.instant(), "thank-you draft replaced", "your new notes are in the draft; " + fate + " (" + detail + ")");
        return new ActionRunner.Result(ActionRunner.Result.Kind.DELIVERED, null, detail);
    }

    private void settleSkipped(long interviewId, Action action, Outbox.Entry entry, String reason, Instant now) {
        if (entry == null) {
            outbox.markSkipped(interviewId, action, reason, now);
        } else {
            outbox.markEntrySkipped(entry.id(), reason, now);
        }
    }

    /** The thank-you draft as last delivered: the latest revision done before {@code number}, else the thank-you itself. */
    private Optional<Outbox.Entry> currentDraft(long interviewId, int number) {
        return outbox.forInterview(interviewId).stream()
                .filter(e -> e.state() == Outbox.State.DONE && e.messageId() != null)
                .filter(e -> e.action().equals(Action.THANK_YOU)
                        || (e.action().kind() == Action.Kind.THANK_YOU_REVISION && e.action().number() < number))
                .max(Comparator.comparingInt(e -> e.action().kind() == Action.Kind.THANK_YOU ? 0 : e.action().number()));
    }
}
