package org.rebond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import com.icegreen.greenmail.user.GreenMailUser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.application.Outbox;
import org.rebond.cli.Main;
import org.rebond.config.ConfigLoader;
import org.rebond.domain.Action;
import org.rebond.config.HostConfig;
import org.rebond.realserver.PostgresCluster;
import org.rebond.store.Database;
import org.rebond.store.PostgresDatabases;

/**
 * Two nodes sharing four accounts on a real PostgreSQL: each follows its fair share, each
 * account's tables live in a schema of its own, and when one node stops the other takes its
 * accounts over; the brief of an interview found before the hand-over is delivered once.
 */
class ManyAccountsOnPostgresIT {

    private static final Duration BOUND = Duration.ofSeconds(90);
    private static final List<String> NAMES = List.of("ana", "ben", "chloe", "dan");

    @RegisterExtension
    final PostgresDatabases postgres = new PostgresDatabases();

    @TempDir
    Path dir;

    private final TestMailbox mailbox = new TestMailbox(true);
    private final List<Host> hosts = new ArrayList<>();
    private final Map<String, GreenMailUser> users = new HashMap<>();

    @AfterEach
    void stop() {
        hosts.forEach(Host::close);
        mailbox.close();
    }

    private Path hostFile(PostgresCluster cluster, String url) throws IOException {
        for (Path secret : List.of(dir.resolve("pw"), dir.resolve("db-password"))) {
            Files.writeString(secret, (secret.endsWith("pw") ? "secret-pw" : cluster.password()) + "\n");
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        }
        StringBuilder accounts = new StringBuilder();
        for (String name : NAMES) {
            users.put(name, mailbox.greenMail.setUser(name + "@example.org", name, "secret-pw"));
            Files.writeString(dir.resolve(name + ".yaml"), TestMailbox.configYaml(name + "@example.org", mailbox.port(), false, name,
                    "  password_file: pw\n  poll_interval: 2s\n").replace("storage:\n  database: rebond.db\n", ""));
            accounts.append("  - name: ").append(name).append("\n    config: ").append(name).append(".yaml\n");
        }
        Path file = dir.resolve("rebond.yaml");
        Files.writeString(file, "storage:\n  kind: postgresql\n  url: " + url + "\n  username: " + PostgresCluster.USER
                + "\n  password_file: db-password\n  pool_size: 3\naccounts:\n" + accounts);
        return file;
    }

    /** A node: the host file read with a state folder of its own (its lock file), started. */
    private Host node(Path file, String node) {
        Map<String, String> environment = Map.of("STATE_DIRECTORY", dir.resolve(node).toString());
        HostConfig config = new ConfigLoader(environment::get, dir, ZoneId.of("Europe/Paris")).loadHost(file);
        Host host = Host.start(config, App.Options.production(App.systemClock()));
        hosts.add(host);
        return host;
    }

    private static long following(Host host) {
        return host.states().stream().filter(s -> s.phase() == AccountSlot.Phase.RUNNING).count();
    }

    @Test
    void twoNodesShareTheAccountsAndTheSurvivorTakesThemAllWhenTheOtherStops() throws Exception {
        PostgresCluster cluster = postgres.cluster();
        String url = cluster.newDatabase();
        Path file = hostFile(cluster, url);
        Instant now = Instant.now();
        Instant start = now.plus(Duration.ofHours(3));

        Host a = node(file, "node-a");
        Host b = node(file, "node-b");
        await().atMost(BOUND).until(() -> following(a) == 2 && following(b) == 2);

        String followedByA = a.states().stream().filter(s -> s.phase() == AccountSlot.Phase.RUNNING).findFirst().orElseThrow().name();
        a.close();
        await().atMost(BOUND).until(() -> following(b) == 4);

        users.get(followedByA).deliver(mailbox.invitation("pg-many@acme.example", 0, "REQUEST", now, start,
                start.plus(Duration.ofMinutes(30)), "Information interview"));
        await().atMost(BOUND).until(() -> b.app(followedByA).map(app -> app.store().all().stream()
                .anyMatch(i -> app.outbox().find(i.id(), Action.BRIEF).map(e -> e.state() == Outbox.State.DONE).orElse(false)))
                .orElse(false));
        App app = b.app(followedByA).orElseThrow();
        assertThat(app.store().all()).singleElement()
                .satisfies(i -> assertThat(app.outbox().forInterview(i.id())).filteredOn(e -> e.action().equals(Action.BRIEF)).hasSize(1));

        StringWriter out = new StringWriter();
        try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(new StringWriter(), true)) {
            Main.execute(new String[] {"status", "--config", file.toString(), "--account", followedByA}, o, e, Clock.systemUTC());
        }
        assertThat(out.toString()).as("status on any machine names the node that follows the account")
                .contains("rebond follows this mailbox on the node " + b.node() + " (its lease runs until ");

        try (Database db = Database.openPostgres(url, PostgresCluster.USER, cluster.password().toCharArray(), 2);
             Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'account_%' ORDER BY 1")) {
            List<String> schemas = new ArrayList<>();
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
            assertThat(schemas).as("one schema per account").containsExactly("account_ana", "account_ben", "account_chloe", "account_dan");
        }
    }
}
