package org.rebond.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rebond.SteppedClock;
import org.rebond.application.AccountLeases;

class SqlAccountLeasesTest extends StoreTestBase {

    private static final Duration TTL = Duration.ofSeconds(30);
    private static final String CAMILLE = "camille@imap.example.org";


    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-07T08:00:00Z"));


    @Test
    void theFirstNodeToAskFollowsTheAccountAndTheOthersAreToldNo() {
        try (Database db = open(dir.resolve("rebond.db"))) {
            AccountLeases leases = new SqlAccountLeases(db, clock);
            assertThat(leases.holder(CAMILLE)).isEmpty();

            assertThat(leases.tryTake(CAMILLE, "node-a", TTL)).isTrue();
            assertThat(leases.tryTake(CAMILLE, "node-b", TTL)).isFalse();
            assertThat(leases.tryTake(CAMILLE, "node-a", TTL)).as("the holder asking again keeps it").isTrue();
            assertThat(leases.holder(CAMILLE)).contains(new AccountLeases.Lease(CAMILLE, "node-a", clock.instant().plus(TTL)));
            assertThat(leases.tryTake("sam@imap.example.org", "node-b", TTL)).as("another account is free").isTrue();
        }
    }

    @Test
    void aLeaseRenewedInTimeIsKeptAndOneThatRanOutGoesToTheNextNodeThatAsks() {
        try (Database db = open(dir.resolve("rebond.db"))) {
            AccountLeases leases = new SqlAccountLeases(db, clock);
            leases.tryTake(CAMILLE, "node-a", TTL);

            clock.advance(Duration.ofSeconds(20));
            assertThat(leases.renew(CAMILLE, "node-a", TTL)).isTrue();
            clock.advance(Duration.ofSeconds(20));
            assertThat(leases.tryTake(CAMILLE, "node-b", TTL)).as("renewed 20 s ago for 30 s: still node-a's").isFalse();

            clock.advance(Duration.ofSeconds(10));
            assertThat(leases.holder(CAMILLE)).as("ran out").isEmpty();
            assertThat(leases.renew(CAMILLE, "node-a", TTL)).as("a lease that ran out is lost").isFalse();
            assertThat(leases.tryTake(CAMILLE, "node-b", TTL)).isTrue();
            assertThat(leases.renew(CAMILLE, "node-a", TTL)).isFalse();
            assertThat(leases.holder(CAMILLE)).map(AccountLeases.Lease::node).contains("node-b");
        }
    }

    @Test
    void aReleasedLeaseIsFreeAtOnceButOnlyItsHolderCanReleaseIt() {
        try (Database db = open(dir.resolve("rebond.db"))) {
            AccountLeases leases = new SqlAccountLeases(db, clock);
            leases.tryTake(CAMILLE, "node-a", TTL);

            leases.release(CAMILLE, "node-b");
            assertThat(leases.holder(CAMILLE)).map(AccountLeases.Lease::node).contains("node-a");

            leases.release(CAMILLE, "node-a");
            assertThat(leases.holder(CAMILLE)).isEmpty();
            assertThat(leases.tryTake(CAMILLE, "node-b", TTL)).isTrue();
        }
    }

    @Test
    void whenEightNodesAskAtOnceThroughTwoPoolsExactlyOneGetsTheLease() throws Exception {
        Path file = dir.resolve("rebond.db");
        try (Database first = open(file); Database second = open(file)) {
            List<AccountLeases> pools = List.of(new SqlAccountLeases(first, clock), new SqlAccountLeases(second, clock));
            ExecutorService nodes = Executors.newFixedThreadPool(8);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> answers = new ArrayList<>();
                for (int n = 0; n < 8; n++) {
                    AccountLeases leases = pools.get(n % 2);
                    String node = "node-" + n;
                    answers.add(nodes.submit(() -> {
                        go.await();
                        return leases.tryTake(CAMILLE, node, TTL);
                    }));
                }
                go.countDown();
                int holders = 0;
                for (Future<Boolean> answer : answers) {
                    holders += answer.get(60, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(holders).isEqualTo(1);
                assertThat(pools.get(0).holder(CAMILLE)).isPresent();
            } finally {
                nodes.shutdownNow();
            }
        }
    }
}
