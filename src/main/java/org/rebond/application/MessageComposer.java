package org.rebond.application;

import org.rebond.domain.Action;
import org.rebond.domain.Interview;

/** Renders the message of one action from everything the store knows. */
public interface MessageComposer {

    OutgoingMessage compose(Interview interview, Action action, String token, String messageId);
}
