package org.rebond.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;
import org.rebond.domain.Action;
import org.rebond.domain.DebriefNotes;
import org.rebond.domain.Interview;
import org.rebond.domain.Planner;
import org.rebond.domain.SingleLine;

/**
 * Carries out one due action exactly once (DESIGN I2): decide (catch-up rules), commit an outbox row
 * with a token and a Message-ID, look for the message in the target folder (by its token in INBOX,
 * by its Message-ID in Drafts), append only when it is not there, commit done. A thank-you is not
 * drafted when the user has written to the contact since the interview ({@link UserWroteFirst});
 * revisions of the thank-you are {@link DraftRevision}'s.
 */
public final class ActionRunner {

    private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    private static final Duration LONGEST_RETRY = Duration.ofHours(6);

    private final InterviewStore store;
    private final Outbox outbox;
    private final MessageComposer composer;
    private final MailDrop mailDrop;
    private final Planner planner;
    private final Clock clock;
    private final Supplier<String> tokens;
    private final String messageIdDomain;
    private final Optional<UserWroteFirst> wroteFirst;
    private final DraftRevision revisions;
    private final Optional<KeepPostedNews> news;
    private final ContactActivities activities;

    /** A runner that drafts the thank-you whatever the user wrote since (the runner tests that do not concern it). */
    public ActionRunner(InterviewStore store, Outbox outbox, MessageComposer composer, MailDrop mailDrop, Planner planner,
                        Clock clock, String messageIdDomain) {
        this(store, outbox, composer, mailDrop, planner, clock, messageIdDomain, null);
    }

    /** {@code wroteFirst}: what tells that the user already wrote to the contact, so the thank-you is not drafted. */
    public ActionRunner(InterviewStore store, Outbox outbox, MessageComposer composer, MailDrop mailDrop, Planner planner,
                        Clock clock, String messageIdDomain, UserWroteFirst wroteFirst) {
        this(store, outbox, composer, mailDrop, planner, clock, messageIdDomain, wroteFirst, null, null);
    }

    /** {@code news}: what tells that there is nothing new for a keeping-you-posted draft, so it is not made (M7). */
    public ActionRunner(InterviewStore store, Outbox outbox, MessageComposer composer, MailDrop mailDrop, Planner planner,
                        Clock clock, String messageIdDomain, UserWroteFirst wroteFirst, KeepPostedNews news) {
        this(store, outbox, composer, mailDrop, planner, clock, messageIdDomain, wroteFirst, news, null);
    }

    /** {@code activities}: what happened with each contact, which the updates follow (an answer owed, a pause, a meeting thanks to them). */
    public ActionRunner(InterviewStore store, Outbox outbox, MessageComposer composer, MailDrop mailDrop, Planner planner,
                        Clock clock, String messageIdDomain, UserWroteFirst wroteFirst, ContactActivities activities) {
        this(store, outbox, composer, mailDrop, planner, clock, messageIdDomain, wroteFirst, null, activities);
    }

    /** The runner of the daemon: no second thanks, no news without news, updates that follow each contact. */
    public ActionRunner(InterviewStore store, Outbox outbox, MessageComposer composer, MailDrop mailDrop, Planner planner,
                        Clock clock, String messageIdDomain, UserWroteFirst wroteFirst, KeepPostedNews news, ContactActivities activities) {
        this.activities = activities;
        this.store = store;
        this.outbox = outbox;
        this.composer = composer;
        this.mailDrop = mailDrop;
        this.planner = planner;
        this.clock = clock;
        this.tokens = () -> UUID.randomUUID().toString();
        this.messageIdDomain = messageIdDomain;
        this.wroteFirst = Optional.ofNullable(wroteFirst);
        this.news = Optional.ofNullable(news);
        this.revisions = new DraftRevision(store, outbox, composer, mailDrop, clock, tokens, messageIdDomain);
    }

    /** What became of one firing. */
    public record Result(Kind kind, Instant retryAt, String detail) {
        public enum Kind { DELIVERED, ALREADY_DONE, SKIPPED, WAIT, RETRY }
    }

    public Result run(long interviewId, Action action) {
        Optional<Interview> found = store.byId(interviewId);
        if (found.isEmpty()) {
            return new Result(Result.Kind.SKIPPED, null, "interview " + interviewId + " no longer exists");
        }
        Interview interview = found.get();
        Optional<Outbox.Entry> existing = outbox.find(interviewId, action);
        if (existing.isPresent() && existing.get().state() != Outbox.State.APPENDING) {
            return new Result(Result.Kind.ALREADY_DONE, null, "(" + existing.get().state().name().toLowerCase(Locale.ROOT) + " earlier)");
        }
        Instant now = clock.instant();
        Outbox.Entry entry = existing.orElse(null);
        try {
            if (action.kind() == Action.Kind.THANK_YOU_REVISION) {
                return revisions.run(interview, action, entry);
            }
            if (entry != null) {
                // An earlier attempt was interrupted: the message may be there already (B44, B53).
                OptionalLong there = mailDrop.find(entry.destination(), entry.token(), entry.messageId());
                if (there.isPresent()) {
                    outbox.markDone(entry.id(), there.getAsLong(), clock.instant());
                    store.journal(interviewId, clock.instant(), action.label() + " delivered", "found after an interruption; not appended twice");
                    return new Result(Result.Kind.DELIVERED, null, "found in the mailbox after an interruption");
                }
            }
            // The catch-up rules apply to every attempt, retries included (I7).
            boolean superseded = action.kind() == Action.Kind.BRIEF_UPDATE
                    && store.prepUpdates(interviewId).stream().anyMatch(u -> u.prepSequence() > action.number());
            Planner.FireDecision decision = superseded && entry == null
                    ? Planner.FireDecision.skip("superseded by a newer version of the prep event")
                    : action.kind() == Action.Kind.KEEP_POSTED && activities != null
                    ? planner.onFire(interview, action, now, activities.of(interview)) : planner.onFire(interview, action, now);
            if (action.equals(Action.THANK_YOU) && decision.verdict() == Planner.FireDecision.Verdict.RUN) {
                // No second thanks: the user has written to the contact since the interview.
                decision = wroteFirst.flatMap(w -> w.reason(interview)).map(Planner.FireDecision::skip).orElse(decision);
            }
            if (action.kind() == Action.Kind.KEEP_POSTED && decision.verdict() == Planner.FireDecision.Verdict.RUN && entry == null) {
                // Nothing new since the last draft to the contact: no draft (M7).
                decision = news.flatMap(n -> n.nothingNew(interview, action, now)).map(Planner.FireDecision::skip).orElse(decision);
            }
            switch (decision.verdict()) {
                case SKIP -> {
                    if (entry == null) {
                        outbox.markSkipped(interviewId, action, decision.reason(), now);
                    } else {
                        outbox.markEntrySkipped(entry.id(), decision.reason(), now);
                    }
                    store.journal(interviewId, now, action.label() + " skipped", decision.reason());
                    return new Result(Result.Kind.SKIPPED, null, decision.reason());
                }
                case WAIT -> {
                    return new Result(Result.Kind.WAIT, decision.notBefore(), decision.reason());
                }
                case RUN -> { }
            }
            OutgoingMessage message;
            if (entry == null) {
                String token = tokens.get();
                String messageId = "<rebond." + token + "@" + messageIdDomain + ">";
                Optional<DebriefNotes> notesBefore = action.equals(Action.THANK_YOU) ? store.notes(interviewId) : Optional.empty();
                message = composer.compose(interview, action, token, messageId);
                entry = outbox.begin(interviewId, action, message.destination(), token, messageId, now);
                if (action.equals(Action.THANK_YOU) && !store.notes(interviewId).equals(notesBefore)) {
                    // Notes came while it was composed: written again with them. Notes that come
                    // from now on find it under way and ask for a revision (InterviewService).
                    message = composer.compose(interview, action, token, messageId);
                }
            } else {
                message = composer.compose(interview, action, entry.token(), entry.messageId());
            }
            outbox.recordDigest(entry.id(), DraftDigest.of(SingleLine.of(message.subject()), message.text()));
            long uid = mailDrop.append(message);
            outbox.markDone(entry.id(), uid, clock.instant());
            store.journal(interviewId, clock.instant(), action.label() + " delivered",
                    (message.destination() == OutgoingMessage.Destination.DRAFTS ? "draft in Drafts: " : "in INBOX: ") + message.subject());
            return new Result(Result.Kind.DELIVERED, null, message.subject());
        } catch (RuntimeException e) {
            if (entry == null) {
                throw e;
            }
            outbox.markAttemptFailed(entry.id(), describe(e), clock.instant());
            Instant retryAt = clock.instant().plus(backoff(entry.attempts() + 1));
            store.journal(interviewId, clock.instant(), action.label() + " pending", describe(e) + "; next try " + retryAt);
            return new Result(Result.Kind.RETRY, retryAt, describe(e));
        }
    }

    /** Exponential backoff: 1 min, 2, 4 … capped at 6 hours. */
    static Duration backoff(int attempt) {
        Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(attempt - 1, 20));
        return d.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : d;
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
