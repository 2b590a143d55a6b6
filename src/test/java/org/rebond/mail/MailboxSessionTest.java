package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.application.MailboxStatus;

/**
 * The watcher's connection (GreenMail): handed over once logged in and reported connected; a lost
 * connection reported with its cause and made again after a backoff of about two seconds; a
 * refused login reported as such and tried again only after half an hour, a wait that stopping
 * cuts short; the connection opened ahead taken first.
 */
class MailboxSessionTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private MailTestKit kit;
    private MailboxSession session;
    private final Status status = new Status();
    private final List<Store> followed = new CopyOnWriteArrayList<>();

    /** What the session reported, in order. */
    private static final class Status implements MailboxStatus {
        final List<String> reports = new CopyOnWriteArrayList<>();
        final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void connected(String account) {
            reports.add("connected " + account);
        }

        @Override
        public void failed(String account, boolean loginRefused, String problem, int failures, Duration wait) {
            reports.add((loginRefused ? "login refused " : "failed ") + account + " #" + failures + ": " + problem);
            waits.add(wait);
        }

        @Override
        public void heard(String account) {
            // a contact on a live connection: not what these tests follow
        }

        @Override
        public Optional<State> get(String account) {
            return Optional.empty();
        }

        @Override
        public Optional<State> latest() {
            return Optional.empty();
        }
    }

    @BeforeEach
    void start() {
        kit = new MailTestKit(dir);
    }

    @AfterEach
    void stop() throws Exception {
        if (session != null) {
            session.stop();
            session.awaitEnd();
        }
        kit.close();
    }

    private MailboxSession session(String password) {
        session = new MailboxSession(kit.connector(kit.mailbox(), password), status, "camille@127.0.0.1:993");
        return session;
    }

    /** Follows each connection until the session stops, as the IDLE loop does. */
    private MailboxSession.Follow untilStopped() {
        return store -> {
            followed.add(store);
            session.pause(Duration.ofMinutes(10));
        };
    }

    @Test
    void aConnectionIsHandedOverLoggedInReportedConnectedAndClosedOnceFollowed() {
        session(MailTestKit.PASSWORD).start(untilStopped());

        await().atMost(BOUND).until(() -> followed.size() == 1);
        assertThat(followed.get(0).isConnected()).isTrue();
        assertThat(session.connections()).isEqualTo(1);
        assertThat(session.lastProblem()).isEmpty();
        assertThat(status.reports).containsExactly("connected camille@127.0.0.1:993");

        session.stop();
        session.awaitEnd();
        assertThat(followed.get(0).isConnected()).isFalse();
        assertThat(session.connections()).as("stopping does not reconnect").isEqualTo(1);
    }

    @Test
    void aLostConnectionIsReportedWithItsCauseAndMadeAgainAfterABackoffOfAboutTwoSeconds() {
        AtomicInteger follows = new AtomicInteger();
        session(MailTestKit.PASSWORD).start(store -> {
            if (follows.incrementAndGet() == 1) {
                throw new MessagingException("BYE the server is going away (test)");
            }
            followed.add(store);
            session.pause(Duration.ofMinutes(10));
        });

        await().atMost(BOUND).until(() -> followed.size() == 1);
        assertThat(status.reports).containsExactly("connected camille@127.0.0.1:993",
                "failed camille@127.0.0.1:993 #1: connection lost: BYE the server is going away (test)", "connected camille@127.0.0.1:993");
        assertThat(status.waits).singleElement().satisfies(wait -> assertThat(wait).isBetween(Duration.ofMillis(1750), Duration.ofMillis(2250)));
        assertThat(session.connections()).isEqualTo(2);
        assertThat(session.lastLoss()).isEqualTo("BYE the server is going away (test)");
        assertThat(session.lastProblem()).as("all is well again").isEmpty();
    }

    @Test
    void aRefusedLoginIsReportedAsSuchAndTriedAgainOnlyAfterHalfAnHourAWaitThatStoppingCutsShort() {
        session(MailTestKit.PASSWORD + "-wrong").start(untilStopped());

        await().atMost(BOUND).until(() -> !status.waits.isEmpty());
        assertThat(status.reports).singleElement().asString().startsWith("login refused camille@127.0.0.1:993 #1: the IMAP server 127.0.0.1 "
                + "refused the login of camille");
        assertThat(status.waits).containsExactly(Duration.ofMinutes(30));
        assertThat(session.lastProblem()).contains("refused the login");
        assertThat(session.connections()).isZero();

        long stopping = System.nanoTime();
        session.stop();
        session.awaitEnd();
        assertThat(Duration.ofNanos(System.nanoTime() - stopping)).as("the half hour's wait cut short").isLessThan(Duration.ofSeconds(5));
        assertThat(followed).isEmpty();
    }

    @Test
    void theConnectionOpenedAheadIsTheFirstOneFollowed() {
        ImapConnector.FirstConnection ahead = kit.connector().connectAhead();
        session(MailTestKit.PASSWORD + "-wrong").useFirst(ahead); // its own logins would be refused

        session.start(untilStopped());

        await().atMost(BOUND).until(() -> followed.size() == 1);
        assertThat(followed.get(0).isConnected()).isTrue();
        assertThat(status.reports).containsExactly("connected camille@127.0.0.1:993");
    }

    @Test
    void theBackoffDoublesFromAboutTwoSecondsToAboutFiveMinutesWithinAnEighthEitherWay() {
        for (int failures = 1; failures <= 30; failures++) {
            long expected = Math.min(2_000L << Math.min(failures - 1, 16), Duration.ofMinutes(5).toMillis());
            assertThat(MailboxSession.backoff(failures).toMillis()).as("after %d failures", failures)
                    .isBetween(expected - expected / 8, expected + expected / 8);
        }
    }
}
