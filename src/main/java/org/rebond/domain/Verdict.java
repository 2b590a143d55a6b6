package org.rebond.domain;

/**
 * Whether an event is an information interview, and why (METHOD M1: job interviews are not).
 *
 * @param detected true when rebond should follow this event
 * @param reason   a short human-readable reason, e.g. {@code title says "information interview"}
 * @param contact  the address of the person the user meets, empty when none was found
 * @param referrer the address of who put them in touch, empty when unknown
 */
public record Verdict(boolean detected, String reason, String contact, String referrer) {

    public static Verdict no(String reason) {
        return new Verdict(false, reason, "", "");
    }
}
