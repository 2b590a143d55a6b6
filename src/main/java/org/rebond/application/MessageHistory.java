package org.rebond.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the mailbox says about people: one entry per message seen in a followed folder, its headers
 * and a short excerpt, with every address involved, so briefs, threading and referrer detection
 * need no server search.
 */
public interface MessageHistory extends ReferrerFinder {
    /** A message as kept. {@code recipients} are the To and Cc addresses, lower case. */
    record SeenMessage(String folder, long uidValidity, long uid, String messageId, String inReplyTo, List<String> references,
                              Instant sentAt, String fromEmail, String fromName, List<String> recipients, String subject,
                              String excerpt, String sample) {}
    /** A kept message whose text was not downloaded when it was seen. */
    record Textless(long row, String folder, long uidValidity, long uid) {}
    /** The text of a kept message, downloaded after it was kept. */
    record Text(long row, String excerpt, String sample) {}

    /** Keeps messages; a message seen again (same folder, UIDVALIDITY and UID) changes nothing. */
    void recordAll(List<SeenMessage> messages);

    /**
     * Keeps messages and runs {@code alsoInTheTransaction} (a scan's folder cursor) in the same
     * transaction, one that does not wait for the disk: all of it can be read from the mailbox again.
     */
    void recordAll(List<SeenMessage> messages, Runnable alsoInTheTransaction);

    /** Among the latest {@code latest} messages involving {@code email}, those kept without text, newest first. */
    List<Textless> withoutText(String email, int latest);

    /** Keeps texts downloaded after their messages were kept. */
    void setTexts(List<Text> texts);

    /** Forgets a folder's messages kept under a UIDVALIDITY the server no longer has. */
    void forgetFolder(String folder, long oldUidValidity);

    /** The latest {@code limit} messages involving {@code email}, newest first. */
    List<SeenMessage> with(String email, int limit);

    /**
     * The latest {@code limit} messages involving {@code email} sent after {@code after}, newest
     * first, without their texts (excerpt and sample empty).
     */
    List<SeenMessage> exchangedAfter(String email, Instant after, int limit);

    /** Samples of the latest texts of the whole mailbox (the background a contact's words are compared with). */
    List<String> samples(int limit);

    /** The Message-ID of a message kept, by its place in a folder. */
    Optional<String> messageIdAt(String folder, long uidValidity, long uid);

    /** The number of the newest entry (0 when none). */
    long newestRow();
}
