package org.rebond.application;

import java.time.Instant;
import java.util.Optional;
import org.rebond.domain.Interview;

/** Finds who introduced the user to a contact, from what the mailbox shows (an introduction thread). */
public interface ReferrerFinder {

    Optional<Interview.Person> introducerOf(String contactEmail, Instant before);
}
