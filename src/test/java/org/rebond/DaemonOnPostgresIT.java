package org.rebond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rebond.application.MessageArrivals;
import org.rebond.application.StoreException;
import org.rebond.config.ConfigLoader;
import org.rebond.config.RebondConfig;
import org.rebond.application.Outbox;
import org.rebond.cli.Main;
import org.rebond.domain.Action;
import org.rebond.realserver.PostgresCluster;
import org.rebond.store.PostgresDatabases;

/**
 * The daemon with its state on a real PostgreSQL ({@code storage.kind: postgresql}, the password
 * read from a file), Quartz clustered there: it finds an invitation in the mail, delivers the
 * brief once, starts again on the same database without a second one, and {@code rebond doctor}
 * names the database. Skipped, saying so, without PostgreSQL.
 */
class DaemonOnPostgresIT {

    private static final Duration BOUND = DaemonOnGreenMail.BOUND;

    @RegisterExtension
    final PostgresDatabases postgres = new PostgresDatabases();

    @RegisterExtension
    final DaemonOnGreenMail daemon = new DaemonOnGreenMail();

    private Path configOnPostgres(PostgresCluster cluster, String url) throws IOException {
        Path password = daemon.dir.resolve("db-password");
        Files.writeString(password, cluster.password() + "\n");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        Path file = daemon.config();
        String yaml = Files.readString(file).replace("storage:\n  database: rebond.db\n", "storage:\n  kind: postgresql\n  url: " + url
                + "\n  username: " + PostgresCluster.USER + "\n  password_file: db-password\n  pool_size: 6\n");
        assertThat(yaml).contains("kind: postgresql");
        Files.writeString(file, yaml);
        return file;
    }

    /** The configuration as the node {@code node} reads it: its state folder (its lock file) of its own, under the test's folder. */
    private RebondConfig load(Path config, String node) {
        Map<String, String> environment = Map.of("STATE_DIRECTORY", daemon.dir.resolve(node).toString());
        return new ConfigLoader(environment::get, daemon.dir, ZoneId.of("Europe/Paris")).load(config);
    }

    @Test
    void aSecondNodeOnTheSameMailboxDoesNotStartWhileTheFirstFollowsItAndTakesOverOnceTheFirstStopped() throws Exception {
        PostgresCluster cluster = postgres.cluster();
        Path config = configOnPostgres(cluster, cluster.newDatabase());
        daemon.start(load(config, "node-a"));

        assertThatThrownBy(() -> App.start(load(config, "node-b"), daemon.options(App.QUARTZ)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is followed by another rebond node");

        daemon.stop();
        App second = App.start(load(config, "node-b"), daemon.options(App.QUARTZ));
        try {
            await().atMost(BOUND).until(() -> second.watcher().firstPass().isDone());
        } finally {
            second.close();
        }
    }

    @Test
    void theDaemonKeepsItsStateInPostgresqlDeliversTheBriefOnceAndFindsItAgainAfterARestart() throws Exception {
        PostgresCluster cluster = postgres.cluster();
        String url = cluster.newDatabase();
        Path config = configOnPostgres(cluster, url);

        daemon.start(load(config, "node-a"));
        Instant start = Daytime.tenInParis(daemon.clock.instant().plus(Duration.ofDays(2)));
        daemon.mailbox.deliver(daemon.mailbox.invitation("pg-1@acme-health.example", 0, "REQUEST", daemon.clock.instant(), start,
                start.plus(Duration.ofMinutes(30)), "Information interview"));
        await().atMost(BOUND).until(() -> daemon.app.store().all().size() == 1);
        long id = daemon.app.store().all().get(0).id();

        daemon.stepTo(start.minus(Duration.ofHours(24)).plusSeconds(1));
        await().atMost(BOUND).until(() -> daemon.app.outbox().find(id, Action.BRIEF).map(e -> e.state() == Outbox.State.DONE).orElse(false));
        assertThat(daemon.mailbox.rebondMessages("INBOX")).as("the brief").hasSize(1);
        daemon.stop();

        daemon.start(load(config, "node-a"));
        assertThat(daemon.app.store().all()).as("the interview, read back from PostgreSQL").singleElement()
                .satisfies(i -> assertThat(i.id()).isEqualTo(id));
        daemon.stepTo(start.minus(Duration.ofHours(23)));
        assertThat(daemon.app.outbox().find(id, Action.BRIEF)).get().extracting(Outbox.Entry::state).isEqualTo(Outbox.State.DONE);
        assertThat(daemon.mailbox.rebondMessages("INBOX")).as("still one brief").hasSize(1);
        daemon.stop();

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
            Main.execute(new String[] {"doctor", "--config", config.toString()}, o, e, Clock.systemUTC());
        }
        assertThat(out.toString()).containsPattern(java.util.regex.Pattern.quote(url) + " \\(schema \\d+\\)").doesNotContain(cluster.password());
        assertThat(err.toString()).doesNotContain(cluster.password());
    }
}
