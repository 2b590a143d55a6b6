package org.rebond.application;

import java.time.Instant;
import java.util.Map;

/**
 * Where the circle each contact came from is kept (METHOD M6). A contact is its address in lower
 * case, or, for a name given in a debrief without an address, the full name in lower case.
 */
public interface ContactCircles {

    /** Sets (or replaces) the circle of a contact. */
    void set(String contact, String circle, Instant at);

    /** Every circle set, by contact. */
    Map<String, String> all();
}
