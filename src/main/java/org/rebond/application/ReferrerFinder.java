package org.rebond.application;

import org.rebond.domain.Interview;
import java.time.Instant;
import java.util.Optional;

/** Finds who introduced the user to a contact, from what the mailbox shows (an introduction thread). */
public interface ReferrerFinder {

    Optional<Interview.Person> introducerOf(String contactEmail, Instant before);
}
