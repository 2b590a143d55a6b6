package org.rebond;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.rebond.application.AccountLeases;
import org.rebond.application.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On a shared PostgreSQL database, the lease of the mailbox account this node follows
 * ({@link AccountLeases}): taken when the daemon starts (a node whose account another node
 * follows does not start: under systemd it is started again later, and takes the lease once the
 * other node has given it up or stopped renewing it), renewed every {@link #RENEW_EVERY}, given up
 * when the daemon stops. When a renewal finds the lease lost, this node stops following the
 * mailbox at once.
 */
final class AccountFollower {

    private static final Logger log = LoggerFactory.getLogger(AccountFollower.class);
    /** How long a lease lasts without renewal: a node that died is replaced after at most this. */
    static final Duration TTL = Duration.ofSeconds(60);
    static final Duration RENEW_EVERY = Duration.ofSeconds(15);

    private final AccountLeases leases;
    private final String account;
    private final String node;

    /** @param node this node's name ({@link Host#nodeName()}): the host's, for an account of several */
    AccountFollower(AccountLeases leases, String account, String node) {
        this.leases = leases;
        this.account = account;
        this.node = node;
    }

    /** Takes the lease, or refuses to start when another node follows the account. */
    void take() {
        if (!leases.tryTake(account, node, TTL)) {
            var lease = leases.holder(account);
            throw lease.isPresent()
                    ? new StoreException(null, "store.lease.held", account, lease.get().node(), lease.get().expiresAt())
                    : new StoreException(null, "store.lease.taken", account);
        }
        log.info("this node ({}) follows the mailbox {}", node, account);
    }

    /** Renews the lease every {@link #RENEW_EVERY} on {@code executor}; runs {@code lost} once if it is lost. */
    void keepRenewing(ScheduledExecutorService executor, Runnable lost) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                if (!leases.renew(account, node, TTL)) {
                    log.error("this node ({}) lost the lease of the mailbox {} (held now by {}): it stops following it",
                            node, account, leases.holder(account).map(AccountLeases.Lease::node).orElse("nobody"));
                    lost.run();
                    throw new IllegalStateException("lease lost"); // ends the renewals
                }
            } catch (StoreException e) {
                log.warn("could not renew the lease of the mailbox {}: {}", account, e.getMessage());
            }
        }, RENEW_EVERY.toMillis(), RENEW_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    void release() {
        try {
            leases.release(account, node);
        } catch (StoreException e) {
            log.warn("could not give up the lease of the mailbox {}: {}", account, e.getMessage());
        }
    }
}
