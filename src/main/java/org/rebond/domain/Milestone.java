package org.rebond.domain;

import java.time.Instant;

/**
 * A step the user took in their search and recorded with {@code rebond milestone} (METHOD M7): news
 * for the people they keep posted, for everyone or for one contact only.
 *
 * @param id      the store's number, 0 before it is kept
 * @param at      when it was recorded
 * @param text    the step in the user's words, on one line
 * @param contact the address of the one contact it is news for, or empty for everyone
 */
public record Milestone(long id, Instant at, String text, String contact) {

    public Milestone {
        text = SingleLine.of(text == null ? "" : text).strip();
        contact = contact == null ? "" : contact.strip();
    }

    /** Whether it is news for the contact with this address. */
    public boolean isFor(String email) {
        return contact.isEmpty() || contact.equalsIgnoreCase(email);
    }

    /** The item key under which keeping-you-posted drafts remember having told it. */
    public String key() {
        return "milestone:" + id;
    }
}
