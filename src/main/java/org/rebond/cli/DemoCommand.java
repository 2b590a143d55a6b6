package org.rebond.cli;

import ch.qos.logback.classic.Level;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rebond.App;
import org.rebond.application.ActionRunner;
import org.rebond.application.InterviewService;
import org.rebond.application.Outbox;
import org.rebond.config.ConfigLoader;
import org.rebond.config.RebondConfig;
import org.rebond.demo.DemoMailbox;
import org.rebond.demo.DemoStory;
import org.rebond.demo.Narrator;
import org.rebond.domain.Action;
import org.rebond.domain.DebriefNotes;
import org.rebond.domain.Interview;
import org.rebond.domain.NotesParser;
import org.rebond.domain.PlannedAction;
import org.rebond.domain.Planner;
import org.rebond.store.PrivateFiles;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The README's first command: an in-process GreenMail mailbox, a realistic story seeded into it,
 * and the real daemon running against it with compressed timings, narrated step by step.
 */
@Command(name = "demo", mixinStandardHelpOptions = true)
public final class DemoCommand implements Callable<Integer> {

    private final Clock clock;

    /** Made by {@link Main}'s factory with the one clock of the process. */
    public DemoCommand(Clock clock) {
        this.clock = clock;
    }

    /** How long the whole story may take before the demo says it failed. */
    /** What the notes gave, and why a note asking for a job stays out of the thank-you (M1). */
    private void tellNotes(App app, long interviewId, Narrator narrator) {
        DebriefNotes notes = app.store().notes(interviewId).orElse(DebriefNotes.NONE);
        NotesParser parser = new NotesParser();
        boolean french = lang.equals("fr");
        Locale language = french ? Locale.FRENCH : Locale.ENGLISH;
        List<String> asks = java.util.stream.Stream.of(notes.points(), notes.leads(), notes.nextSteps()).flatMap(List::stream)
                .filter(item -> !parser.jobRequestPhrases(item, language).isEmpty()).toList();
        narrator.say("Notes received: " + count(notes.points().size(), "point", "points") + ", " + count(notes.leads().size(), "lead", "leads")
                        + ", " + count(notes.names().size(), "name", "names") + ", " + (notes.article().isBlank() ? "no article" : "an article")
                        + ". The thank-you turns each into a sentence addressed to Marc.",
                "Notes reçues : " + count(notes.points().size(), "point", "points") + ", " + count(notes.leads().size(), "piste", "pistes")
                        + ", " + count(notes.names().size(), "nom", "noms") + ", " + (notes.article().isBlank() ? "pas d'article" : "un article")
                        + ". Le remerciement en fait des phrases adressées à Marc.");
        for (String ask : asks) {
            narrator.say("One note asks Marc for help towards a job (\"" + ask + "\"): the thank-you leaves it out and says so in a first line to delete. "
                            + "An information interview asks for information only; a job request can make Marc feel used.",
                    "Une note sollicite Marc pour un poste (« " + ask + " ») : le remerciement la laisse de côté et le dit dans une première ligne à "
                            + "supprimer. Un entretien d'information ne demande que de l'information ; une demande de poste peut donner à Marc "
                            + "le sentiment d'être utilisé.");
        }
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static final Duration STORY_LIMIT = Duration.ofMinutes(4);

    @Option(names = "--state", paramLabel = "DIR", descriptionKey = "state")
    Path state;

    @Option(names = "--lang", defaultValue = "en", paramLabel = "LANG", descriptionKey = "lang")
    String lang;

    @Option(names = "--port", defaultValue = "3143", paramLabel = "PORT", descriptionKey = "port")
    int port;

    @Option(names = "--until-done", descriptionKey = "until-done")
    boolean untilDone;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!lang.equals("en") && !lang.equals("fr")) {
            throw new ExitCodes.CommandFailure(ExitCodes.USAGE, "--lang takes en or fr, not " + lang);
        }
        boolean french = lang.equals("fr");
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        PrintWriter out = spec.commandLine().getOut();
        ZoneId zone = ZoneId.systemDefault();
        // 0700 whatever the umask when made here (an existing --state folder is the user's to set).
        Path dir = state != null ? state.toAbsolutePath() : PrivateFiles.createTempFolder("rebond-demo-");
        PrivateFiles.createFolders(dir);
        DemoStory story = new DemoStory(french);
        Narrator narrator = new Narrator(out, french, clock, zone, FrenchReasons::of);
        out.println(french ? "rebond — démonstration : toute l'histoire d'un entretien d'information en trois minutes environ (durées compressées)."
                : "rebond demo — a whole information-interview story in about three minutes (timings compressed).");

        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            throw new ExitCodes.CommandFailure(ExitCodes.UNAVAILABLE, "cannot serve the demo mailbox on 127.0.0.1:" + port + " ("
                    + e.getMessage() + ") — is another demo running? Try --port 3144");
        }
        GreenMailUser user = DemoMailbox.seed(greenMail, story, clock.instant());
        narrator.say("Demo mailbox up on 127.0.0.1:" + port + " (user demo, password demo); state in " + dir,
                "Boîte de démonstration ouverte sur 127.0.0.1:" + port + " (utilisateur demo, mot de passe demo) ; état dans " + dir);
        narrator.more("Seeded: Sophie Durand introduces you to Marc Lefèvre, Marc answers, you thank them both.",
                "Déjà là : Sophie Durand vous présente Marc Lefèvre, Marc répond, vous les remerciez.");

        Path configFile = DemoMailbox.writeConfig(dir, story, french, zone, port);
        RebondConfig config = new ConfigLoader().load(configFile);
        Planner planner = new Planner(App.policyOf(config));
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rebond-demo");
            t.setDaemon(true);
            return t;
        });
        AtomicBoolean failed = new AtomicBoolean();
        long[] interviewId = {-1};
        CountDownLatch storyDone = new CountDownLatch(1);
        App[] running = new App[1];
        App.Options options = App.Options.production(clock).withListeners(
                (id, action, result) -> {
                    if (id == interviewId[0]) {
                        narrator.fired(action, result);
                    } else {
                        narrator.firedForTheNextContact(action, result);
                    }
                    if (result.kind() == ActionRunner.Result.Kind.RETRY) {
                        failed.set(true);
                    }
                    if (id == interviewId[0] && action.equals(Action.THANK_YOU) && result.kind() == ActionRunner.Result.Kind.DELIVERED) {
                        inviteJulie(user, story, narrator, clock);
                    }
                    if (id == interviewId[0] && action.equals(Action.keepPosted(1)) && result.kind() == ActionRunner.Result.Kind.DELIVERED) {
                        recordStep(running[0], narrator, clock, french ? "J'ai participé au meetup HealthTech de Lyon" : "Went to the HealthTech meetup in Lyon");
                    }
                    if (id == interviewId[0] && action.kind() == Action.Kind.DEBRIEF_PROMPT && result.kind() == ActionRunner.Result.Kind.DELIVERED) {
                        timers.schedule(() -> answerPrompt(running[0], id, user, story, narrator, clock), 4, TimeUnit.SECONDS);
                    }
                    if (id == interviewId[0] && allSettled(running[0], id, planner, clock)) {
                        storyDone.countDown();
                    }
                },
                (what, outcome) -> {
                    if (outcome.kind() == InterviewService.Outcome.Kind.CREATED && outcome.interview() != null && interviewId[0] >= 0) {
                        // Julie, whom Marc suggested: her own interview, with Marc as the one who sent the user to her.
                        narrator.detected(outcome, planner.plan(outcome.interview(), clock.instant()));
                    } else if (outcome.kind() == InterviewService.Outcome.Kind.CREATED && outcome.interview() != null) {
                        interviewId[0] = outcome.interview().id();
                        List<PlannedAction> plan = planner.plan(outcome.interview(), clock.instant());
                        narrator.detected(outcome, plan);
                        timers.schedule(() -> narrator.say("The interview takes place (one minute here instead of twenty).",
                                        "L'entretien a lieu (une minute ici au lieu de vingt)."),
                                Math.max(0, Duration.between(clock.instant(), outcome.interview().start()).toMillis()), TimeUnit.MILLISECONDS);
                    } else if (what.equals("notes") && outcome.interview() != null) {
                        tellNotes(running[0], outcome.interview().id(), narrator);
                        recordStep(running[0], narrator, clock, french ? "J'ai commencé la formation FHIR de l'ANS"
                                : "Signed up for the national FHIR course");
                    }
                });
        App app = App.start(config, options);
        running[0] = app;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(app, greenMail, timers), "rebond-demo-stop"));
        narrator.say("rebond started and reading the mailbox.", "rebond a démarré et lit la boîte.");

        Instant sentAt = clock.instant();
        Instant start = sentAt.plusSeconds(50);
        user.deliver(story.invitation(sentAt, start, start.plusSeconds(60)));
        narrator.say("Marc sends an invitation to an information interview at " + narrator.at(start) + " (in 50 seconds).",
                "Marc envoie une invitation à un entretien d'information à " + narrator.at(start) + " (dans 50 secondes).");

        boolean finished = storyDone.await(STORY_LIMIT.toSeconds(), TimeUnit.SECONDS);
        out.println();
        if (finished && !failed.get()) {
            out.println(french ? "Terminé : chaque action a eu lieu, rien n'a été envoyé. Les brouillons attendent dans le dossier Drafts."
                    : "Done: every action took place and nothing was sent. The drafts are waiting in Drafts.");
        } else {
            out.println(french ? "La démonstration ne s'est pas terminée comme prévu ; voir les lignes ci-dessus."
                    : "The demo did not finish as expected; see the lines above.");
        }
        if (!untilDone) { // with --until-done the mailbox closes with the demo: nothing to open
            out.println(french ? "Ouvrez la boîte dans n'importe quel client mail : serveur IMAP 127.0.0.1, port " + port
                    + ", sans chiffrement, utilisateur demo, mot de passe demo."
                    : "Open the mailbox in any mail client: IMAP server 127.0.0.1, port " + port + ", no encryption, user demo, password demo.");
        }
        out.println((french ? "Essayez : " : "Try: ") + "java -jar target/rebond.jar status --config " + configFile);
        out.flush();
        if (untilDone) {
            stop(app, greenMail, timers);
            return finished && !failed.get() ? ExitCodes.OK : 1;
        }
        out.println(french ? "Ctrl-C pour arrêter." : "Press Ctrl-C to stop.");
        out.flush();
        new CountDownLatch(1).await();
        return ExitCodes.OK;
    }

    /** After the thank-you, Julie (named by Marc) invites the user for a coffee a few seconds later (M5: the chain). */
    private static void inviteJulie(GreenMailUser user, DemoStory story, Narrator narrator, Clock clock) {
        Instant sentAt = clock.instant();
        Instant start = sentAt.plusSeconds(4);
        try {
            user.deliver(story.suggestedInvitation(sentAt, start, start.plusSeconds(6)));
            narrator.say("You wrote to Julie Bernard, whom Marc suggested; she invites you for a coffee at " + narrator.at(start)
                            + ". Its title says nothing of an interview: rebond takes it because Marc named her in your notes.",
                    "Vous avez écrit à Julie Bernard, que Marc vous a suggérée ; elle vous invite à un café à " + narrator.at(start)
                            + ". Le titre ne parle pas d'entretien : rebond le prend parce que Marc l'a nommée dans vos notes.");
        } catch (Exception e) {
            narrator.say("Could not deliver Julie's invitation: " + e.getMessage(), "Impossible de déposer l'invitation de Julie : " + e.getMessage());
        }
    }

    /** A step of the user's, as 'rebond milestone' records it: news the next keeping-you-posted draft tells (M7). */
    private static void recordStep(App app, Narrator narrator, Clock clock, String step) {
        app.news().add(new org.rebond.domain.Milestone(0, clock.instant(), step, ""));
        narrator.say("You record a step: rebond milestone \"" + step + "\". The next keeping-you-posted draft tells it.",
                "Vous notez une étape : rebond milestone « " + step + " ». Le prochain brouillon « je vous tiens au courant » la raconte.");
    }

    private static boolean allSettled(App app, long id, Planner planner, Clock clock) {
        if (app == null) {
            return false;
        }
        Optional<Interview> interview = app.store().byId(id);
        if (interview.isEmpty()) {
            return false;
        }
        List<Outbox.Entry> entries = app.outbox().forInterview(id);
        long settled = entries.stream().filter(e -> e.state() != Outbox.State.APPENDING).count();
        // The brief drops out of the plan once the interview has begun, so count it from the outbox.
        long expected = 3 + app.config().schedule().keepPostedAfterEnd().size();
        return settled >= expected;
    }

    private static void answerPrompt(App app, long interviewId, GreenMailUser user, DemoStory story, Narrator narrator, Clock clock) {
        try {
            Outbox.Entry prompt = app.outbox().find(interviewId, Action.DEBRIEF_PROMPT).orElseThrow();
            narrator.say("You reply to the prompt with a few bullet points (points, leads, names, an article, a next step).",
                    "Vous répondez à la demande avec quelques puces (points, pistes, noms, un article, une prochaine étape).");
            user.deliver(story.debriefReply(clock.instant(), prompt.messageId(), "rebond"));
        } catch (Exception e) {
            narrator.say("Could not deliver the demo's reply: " + e.getMessage(), "Impossible de déposer la réponse de démonstration : " + e.getMessage());
        }
    }

    private static void stop(App app, GreenMail greenMail, ScheduledExecutorService timers) {
        timers.shutdownNow();
        try {
            app.close();
        } catch (RuntimeException ignored) {
            // already closed
        }
        greenMail.stop();
    }
}
