package org.rebond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rebond.application.MessageArrivals;
import org.rebond.application.Outbox;
import org.rebond.cli.Main;
import org.rebond.domain.Action;
import org.rebond.domain.Interview;
import org.rebond.domain.SeenEvent;

/**
 * {@code rebond track} and {@code rebond ignore} from the command line while the daemon runs on the
 * same database (real IMAP, SQLite and Quartz): the command writes a request, the daemon applies it
 * within its 2-second check, and the triggers follow. Also without a daemon, and with unknown ids.
 */
class TrackAndIgnoreIT {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @RegisterExtension
    final DaemonOnGreenMail daemon = new DaemonOnGreenMail();
    private Path config;

    record Run(int code, String out, String err) {}

    private void writeConfig(String language) throws Exception {
        config = daemon.config();
        Files.writeString(config, Files.readString(config).replace("language: en", "language: " + language));
    }

    private static Run rebond(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), Clock.systemUTC());
        return new Run(code, out.toString(), err.toString());
    }

    private SeenEvent coffeeSeen(Instant start) throws Exception {
        daemon.mailbox.deliver(daemon.mailbox.invitation("coffee-1@acme-health.example", 0, "REQUEST", daemon.clock.instant(), start, start.plus(Duration.ofMinutes(30)),
                "Coffee with Jeanne"));
        await().atMost(BOUND).until(() -> !daemon.app.store().recentlySeen(daemon.clock.instant(), 10).isEmpty());
        return daemon.app.store().recentlySeen(daemon.clock.instant(), 10).get(0);
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"en", "fr"})
    void trackThenIgnoreFromTheCommandLineWhileTheDaemonRuns(String language) throws Exception {
        boolean fr = language.equals("fr");
        writeConfig(language);
        daemon.start(config, UnaryOperator.identity(), MessageArrivals.Listener.NONE);
        Instant start = Daytime.tenInParis(daemon.clock.instant().plus(Duration.ofDays(3)));
        SeenEvent seen = coffeeSeen(start);

        Run status = rebond("status", "--config", config.toString());
        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.out()).contains(fr ? "Vus, non retenus" : "Seen, not taken").contains(seen.label() + " ")
                .contains("Coffee with Jeanne").contains(fr ? "vu, non retenu : no information-interview wording" : "seen, not taken: no information-interview wording");

        Run track = rebond("track", seen.label(), "--config", config.toString());
        assertThat(track.code()).as(track.err()).isZero();
        assertThat(daemon.app.store().all()).singleElement().satisfies(i -> {
            assertThat(i.reason()).isEqualTo("tracked by you");
            assertThat(i.contact().email()).isEqualTo(TestMailbox.CONTACT);
            assertThat(i.state()).isEqualTo(Interview.State.SCHEDULED);
        });
        long id = daemon.app.store().all().get(0).id();
        assertThat(track.out()).contains(fr ? "Entretien suivi : #" + id : "Now following interview #" + id)
                .contains(fr ? "appliqué par le rebond en cours d'exécution" : "applied by the running rebond");

        daemon.stepTo(start.minus(Duration.ofHours(24)).plusSeconds(1));
        await().atMost(BOUND).until(() -> daemon.app.outbox().find(id, Action.BRIEF).map(e -> e.state() == Outbox.State.DONE).orElse(false));

        Run ignore = rebond("ignore", Long.toString(id), "--config", config.toString());
        assertThat(ignore.code()).as(ignore.err()).isZero();
        assertThat(ignore.out()).contains(fr ? "Entretien ignoré : #" + id : "Interview #" + id).contains(fr ? "retirées" : "is now ignored");
        assertThat(daemon.app.store().byId(id).orElseThrow().state()).isEqualTo(Interview.State.IGNORED);

        daemon.mailbox.deliver(daemon.mailbox.invitation("coffee-1@acme-health.example", 1, "REQUEST", daemon.clock.instant(), start.plusSeconds(3600),
                start.plusSeconds(5400), "Information interview with Jeanne"));
        daemon.stepTo(start.plus(Duration.ofDays(100)));
        await().atMost(BOUND).until(() -> daemon.app.store().journalOf(id).stream().anyMatch(l -> l.event().equals("ignored")));
        assertThat(daemon.app.store().byId(id).orElseThrow().state()).as("a later update stays ignored").isEqualTo(Interview.State.IGNORED);
        assertThat(daemon.app.store().byId(id).orElseThrow().start()).isEqualTo(start);
        assertThat(daemon.app.outbox().find(id, Action.DEBRIEF_PROMPT)).as("no prompt or draft for an ignored interview").isEmpty();
        assertThat(daemon.mailbox.rebondMessages("Drafts")).isEmpty();
        Run after = rebond("status", "--config", config.toString());
        assertThat(after.out()).contains(fr ? "ignoré à votre demande le" : "ignored at your request on");
    }

    @Test
    void unknownIdsExitWith65AndABadIdWith64() throws Exception {
        writeConfig("en");
        daemon.start(config, UnaryOperator.identity(), MessageArrivals.Listener.NONE);

        Run track = rebond("track", "e42", "--config", config.toString());
        Run ignore = rebond("ignore", "7", "--config", config.toString());
        Run garbage = rebond("ignore", "seven", "--config", config.toString());

        assertThat(track.code()).isEqualTo(65);
        assertThat(track.err()).contains("no event e42").contains("rebond status");
        assertThat(ignore.code()).isEqualTo(65);
        assertThat(ignore.err()).contains("no interview #7");
        assertThat(garbage.code()).isEqualTo(64);
        assertThat(rebond("track", "--help", "--config", config.toString()).out()).contains("Usage: rebond track").contains("--config");
        assertThat(rebond("ignore", "--help", "--config", config.toString()).out()).contains("Usage: rebond ignore").contains("--config");
    }

    @Test
    void withNoDaemonRunningTrackIsAppliedAtOnceAndItsActionsArePlannedWhenRebondStarts() throws Exception {
        writeConfig("fr");
        daemon.start(config, UnaryOperator.identity(), MessageArrivals.Listener.NONE);
        Instant start = Daytime.tenInParis(daemon.clock.instant().plus(Duration.ofDays(3)));
        SeenEvent seen = coffeeSeen(start);
        daemon.app.close();
        daemon.app = null;

        Run track = rebond("track", seen.label(), "--config", config.toString());
        assertThat(track.code()).as(track.err()).isZero();
        assertThat(track.out()).contains("Entretien suivi : #1").doesNotContain("en cours d'exécution");

        daemon.start(config, UnaryOperator.identity(), MessageArrivals.Listener.NONE);
        daemon.stepTo(start.minus(Duration.ofHours(24)).plusSeconds(1));
        await().atMost(BOUND).until(() -> daemon.app.outbox().find(1, Action.BRIEF).map(e -> e.state() == Outbox.State.DONE).orElse(false));
        assertThat(daemon.mailbox.rebondMessages("INBOX")).singleElement().satisfies(brief -> assertThat(brief.subject()).contains("préparation de votre"));
    }
}
