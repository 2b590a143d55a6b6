package org.rebond.application;

import org.rebond.domain.Action;
import org.rebond.domain.Interview;

/** Renders the message of one action from everything the store knows. */
public interface MessageComposer {

    OutgoingMessage compose(Interview interview, Action action, String token, String messageId);

    /** The message of an action as it would read now, for the user to look at before it is due. */
    Rendered preview(Interview interview, Action action);

    /** A message's subject, plain text and HTML. */
    record Rendered(String subject, String text, String html) {}
}
