package org.rebond;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.rebond.application.MailDrop;
import org.rebond.application.MessageArrivals;
import org.rebond.application.Outbox;
import org.rebond.config.ConfigLoader;
import org.rebond.config.RebondConfig;
import org.rebond.domain.Action;
import org.rebond.domain.Interview;
import org.rebond.domain.Planner;

/**
 * The real daemon on a GreenMail mailbox with a clock the test steps: each step re-plans, as the
 * daemon does after a wall-clock jump, and Quartz fires what is due. Register it with
 * {@code @RegisterExtension}; each test gets a fresh mailbox, clock and state folder.
 */
final class DaemonOnGreenMail implements BeforeEachCallback, AfterEachCallback {

    static final Duration BOUND = Duration.ofSeconds(30);


    TestMailbox mailbox;
    SteppedClock clock;
    Path dir;
    App app;
    private final List<ManualActionScheduler> drivers = new CopyOnWriteArrayList<>();

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("rebond-it-");
        mailbox = new TestMailbox(true);
        clock = new SteppedClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (app != null) {
            app.close();
            app = null;
        }
        mailbox.close();
    }

    /** The configuration file for this mailbox with the default schedule. */
    Path config() {
        try {
            return mailbox.writeConfig(dir, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    App start() {
        return start(config(), UnaryOperator.identity(), MessageArrivals.Listener.NONE);
    }

    App start(Path configFile, UnaryOperator<MailDrop> mailDrop, MessageArrivals.Listener intake) {
        return start(configFile, mailDrop, intake, App.QUARTZ);
    }

    /**
     * Starts the daemon with the tests' own driver of pending actions in the place of Quartz: after
     * each {@link #stepTo}, {@link #runDue()} fires what is due on the test's thread.
     */
    App startWithManualScheduler() {
        return startWithManualScheduler(UnaryOperator.identity());
    }

    /**
     * As {@link #startWithManualScheduler()}, on the same configuration and database, with the
     * daemon's mail drop wrapped (a {@code StoppingMailDrop} to stop it dead mid-delivery).
     */
    App startWithManualScheduler(UnaryOperator<MailDrop> mailDrop) {
        return start(config(), mailDrop, MessageArrivals.Listener.NONE, ManualActionScheduler.into(drivers));
    }

    /**
     * As {@link #startWithManualScheduler()}, on a configuration the test changed, e.g.
     * {@link #config()} with another profile language.
     */
    App startWithManualSchedulerOn(Path configFile) {
        return start(configFile, UnaryOperator.identity(), MessageArrivals.Listener.NONE, ManualActionScheduler.into(drivers));
    }

    private App start(Path configFile, UnaryOperator<MailDrop> mailDrop, MessageArrivals.Listener intake, App.Schedulers schedulers) {
        RebondConfig config = new ConfigLoader().load(configFile);
        app = App.start(config, new App.Options(clock, Clock.systemUTC(), mailDrop, (id, action, result) -> { }, intake,
                Duration.ofMinutes(1), schedulers));
        return app;
    }

    /** Starts the daemon with Quartz on a configuration the test loaded itself. */
    App start(RebondConfig config) {
        app = App.start(config, options(App.QUARTZ));
        return app;
    }

    /** The options the tests' daemons run with: this clock, no listeners. */
    App.Options options(App.Schedulers schedulers) {
        return new App.Options(clock, Clock.systemUTC(), UnaryOperator.identity(), (id, action, result) -> { }, MessageArrivals.Listener.NONE,
                Duration.ofMinutes(1), schedulers);
    }

    /**
     * Runs what is due at the clock's now, once the daemon has read the mailbox through (when it
     * starts firing), with the driver of {@link #startWithManualScheduler()}.
     */
    List<ManualActionScheduler.Fired> runDue() {
        ManualActionScheduler driver = drivers.get(drivers.size() - 1);
        await().atMost(BOUND).until(driver::started);
        return driver.runDue();
    }

    /** Waits until the daemon started last has read the mailbox through and lets actions fire. */
    void awaitStarted() {
        await().atMost(BOUND).until(driver()::started);
    }

    /** The driver of pending actions of the daemon last started with {@link #startWithManualScheduler()}. */
    ManualActionScheduler driver() {
        return drivers.get(drivers.size() - 1);
    }

    /** Stops the daemon; what a crash left in the database and the mailbox stays. */
    void stop() {
        app.close();
        app = null;
    }

    void stepTo(Instant instant) {
        clock.set(instant);
        app.clockChanged();
    }

    Interview awaitOneInterview() {
        await().atMost(BOUND).until(() -> app.store().all().size() == 1);
        return app.store().all().get(0);
    }

    /** When the running daemon's plan has the thank-you of an interview due: two hours after the end by day, the next morning late. */
    Instant thankYouDue(long interviewId) {
        return new Planner(App.policyOf(app.config())).thankYouDue(app.store().byId(interviewId).orElseThrow()).at();
    }

    void awaitDone(long interviewId, Action action) {
        await().atMost(BOUND).until(() -> app.outbox().find(interviewId, action).map(e -> e.state() == Outbox.State.DONE).orElse(false));
    }
}
