package org.rebond.application;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What could not be read, with its reason: one bad message, invitation or calendar object is set
 * aside here (and shown by {@code status}) while the rest flows on.
 */
public interface Quarantine {
    record Item(String source, String item, String reason, Instant at) {}

    /** Sets an item aside; false when it already was. */
    boolean add(String source, String item, String reason);

    boolean contains(String source, String item);

    Set<String> itemsStartingWith(String source, String prefix);

    List<Item> all();
}
