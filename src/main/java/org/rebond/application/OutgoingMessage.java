package org.rebond.application;

import java.util.List;
import org.rebond.domain.Interview;

/**
 * A message rebond places in the user's own mailbox: a brief or prompt in INBOX, a draft in Drafts.
 * Nothing here is ever sent (DESIGN I1).
 *
 * @param destination  where it is appended
 * @param from         the user (drafts) or rebond on the user's behalf (brief, prompt)
 * @param to           the contact (drafts) or the user
 * @param subject      one line
 * @param text         the text/plain body
 * @param html         the text/html body
 * @param messageId    the Message-ID, angle brackets included
 * @param inReplyTo    a validated Message-ID to thread under, or empty
 * @param references   validated Message-IDs, oldest first
 * @param token        the exactly-once token carried in a header
 * @param calendar     an iCalendar object to attach (the prep event), or null
 */
public record OutgoingMessage(
        Destination destination,
        Interview.Person from,
        Interview.Person to,
        String subject,
        String text,
        String html,
        String messageId,
        String inReplyTo,
        List<String> references,
        String token,
        String calendar) {

    public OutgoingMessage {
        references = List.copyOf(references);
    }

    public enum Destination { INBOX, DRAFTS }
}
