package org.rebond.domain;

import java.time.Instant;

/**
 * RFC 5546 §2.1.5 ordering of two versions of the same event: SEQUENCE first, then DTSTAMP.
 */
public final class ItipOrder {

    private ItipOrder() {}

    public enum Comparison { NEWER, SAME, OLDER }

    public static Comparison compare(int sequence, Instant dtstamp, int storedSequence, Instant storedDtstamp) {
        if (sequence != storedSequence) {
            return sequence > storedSequence ? Comparison.NEWER : Comparison.OLDER;
        }
        if (dtstamp == null || storedDtstamp == null || dtstamp.equals(storedDtstamp)) {
            return Comparison.SAME;
        }
        return dtstamp.isAfter(storedDtstamp) ? Comparison.NEWER : Comparison.OLDER;
    }
}
