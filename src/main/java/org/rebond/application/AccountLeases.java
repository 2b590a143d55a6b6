package org.rebond.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which node of a cluster follows which mailbox account. A node follows an account only while it
 * holds its lease; it renews the lease well before it runs out and stops following the account
 * when it cannot. A lease that ran out is lost, even when no other node has taken it yet: the
 * holder takes it again like anyone else. At most one node holds an account's lease at any
 * instant, however many ask at once.
 *
 * <p>Instants come from each node's clock: the nodes' clocks must agree (NTP) to much better
 * than the lease's length.
 */
public interface AccountLeases {

    /**
     * Takes the lease of {@code account} for {@code node}, until {@code ttl} from now, when no other
     * node holds it (none ever did, it ran out, or it was released); when {@code node} holds it
     * already, extends it.
     *
     * @return whether {@code node} holds the lease now
     */
    boolean tryTake(String account, String node, Duration ttl);

    /**
     * Extends the lease {@code node} holds to {@code ttl} from now.
     *
     * @return false when {@code node} does not hold it any more (it ran out, or another node took it)
     */
    boolean renew(String account, String node, Duration ttl);

    /** Gives the lease up, when {@code node} holds it, so that another node may take it at once. */
    void release(String account, String node);

    /** Who holds the lease of {@code account} now, if anyone. */
    Optional<Lease> holder(String account);

    /** Every lease held now, by account. */
    List<Lease> held();

    /** A lease held: by {@code node}, until {@code expiresAt}. */
    record Lease(String account, String node, Instant expiresAt) {}
}
