package org.rebond.cli;

import ch.qos.logback.classic.Level;
import com.icegreen.greenmail.user.GreenMailUser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.rebond.App;
import org.rebond.application.ActionRunner;
import org.rebond.application.InterviewService;
import org.rebond.application.Outbox;
import org.rebond.config.ConfigLoader;
import org.rebond.config.RebondConfig;
import org.rebond.demo.DemoMailbox;
import org.rebond.demo.DemoServer;
import org.rebond.demo.DemoStory;
import org.rebond.demo.Narrator;
import org.rebond.domain.Action;
import org.rebond.domain.DebriefNotes;
import org.rebond.domain.Milestone;
import org.rebond.domain.NotesParser;
import org.rebond.domain.PlannedAction;
import org.rebond.domain.Planner;
import org.rebond.i18n.Messages;
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
        Messages messages = Messages.of("demo", french ? Locale.FRENCH : Locale.ENGLISH);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        PrintWriter out = spec.commandLine().getOut();
        ZoneId zone = ZoneId.systemDefault();
        // 0700 whatever the umask when made here (an existing --state folder is the user's to set).
        Path dir = state != null ? state.toAbsolutePath() : PrivateFiles.createTempFolder("rebond-demo-");
        PrivateFiles.createFolders(dir);
        DemoStory story = new DemoStory(french);
        out.println(messages.get("intro"));

        DemoServer server;
        try {
            server = DemoServer.start(port, dir.resolve("greenmail.log"));
        } catch (IOException e) {
            throw new ExitCodes.CommandFailure(ExitCodes.IO, messages.get("mailbox.no-log", dir, e.getMessage()));
        } catch (RuntimeException e) {
            throw new ExitCodes.CommandFailure(ExitCodes.UNAVAILABLE, messages.get("mailbox.busy", port, e.getMessage(), port + 1));
        }
        Narrator narrator;
        GreenMailUser user;
        RebondConfig config;
        Path configFile;
        try {
            user = DemoMailbox.seed(server.greenMail(), story, clock.instant());
            configFile = DemoMailbox.writeConfig(dir, story, french, zone, port);
            config = new ConfigLoader().load(configFile);
            narrator = new Narrator(out, messages, clock, zone, french ? FrenchReasons::of : UnaryOperator.identity(), DemoMailbox.folders(config));
        } catch (Exception e) {
            server.close();
            throw e;
        }
        narrator.say("mailbox.up", port, dir);
        narrator.more("mailbox.log", server.log());
        narrator.more("seeded");

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
                        recordStep(running[0], narrator, clock, "step.meetup");
                    }
                    if (id == interviewId[0] && action.kind() == Action.Kind.DEBRIEF_PROMPT && result.kind() == ActionRunner.Result.Kind.DELIVERED) {
                        timers.schedule(() -> answerPrompt(running[0], id, user, story, narrator, clock), 4, TimeUnit.SECONDS);
                    }
                    if (id == interviewId[0] && allSettled(running[0], id)) {
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
                        timers.schedule(() -> narrator.say("interview.held"),
                                Math.max(0, Duration.between(clock.instant(), outcome.interview().start()).toMillis()), TimeUnit.MILLISECONDS);
                    } else if (what.equals("notes") && outcome.interview() != null) {
                        tellNotes(running[0], outcome.interview().id(), narrator, messages);
                        recordStep(running[0], narrator, clock, "step.course");
                    }
                });
        App app;
        try {
            app = App.start(config, options);
        } catch (RuntimeException e) {
            timers.shutdownNow();
            server.close();
            throw e;
        }
        running[0] = app;
        Thread stopOnExit = new Thread(() -> stop(app, server, timers), "rebond-demo-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        narrator.say("started");

        Instant sentAt = clock.instant();
        Instant start = sentAt.plusSeconds(50);
        user.deliver(story.invitation(sentAt, start, start.plusSeconds(60)));
        narrator.say("invitation", narrator.at(start));

        boolean finished = storyDone.await(STORY_LIMIT.toSeconds(), TimeUnit.SECONDS);
        boolean allDelivered = finished && !failed.get();
        String drafts = narrator.folders().drafts();
        out.println();
        if (untilDone) {
            // The mailbox closes first: what follows speaks only of what stays, the state folder.
            stop(app, server, timers);
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
            out.println(allDelivered ? messages.get("end.done.closed", drafts) : messages.get("end.failed"));
            out.println(messages.get("end.closed", dir));
            out.println("  " + statusCommand(configFile));
            out.flush();
            return allDelivered ? ExitCodes.OK : 1;
        }
        out.println(allDelivered ? messages.get("end.done.open", drafts) : messages.get("end.failed"));
        out.println(messages.get("end.connect", port));
        out.println(messages.get("end.state", dir));
        out.println("  " + statusCommand(configFile));
        out.println(messages.get("end.stop"));
        out.flush();
        new CountDownLatch(1).await();
        return ExitCodes.OK;
    }

    /** The command that shows the demo's state, as this rebond was started (the jar's path, or the installed launcher). */
    private static String statusCommand(Path configFile) {
        Path here = Path.of("").toAbsolutePath();
        String rebond = ClassArchiveCommand.runningJar().map(jar -> "java -jar " + (jar.startsWith(here) ? here.relativize(jar) : jar))
                .orElse("rebond");
        return rebond + " status --config " + configFile;
    }

    /** What the notes gave, and why a note asking for a job stays out of the thank-you (M1). */
    private static void tellNotes(App app, long interviewId, Narrator narrator, Messages m) {
        DebriefNotes notes = app.store().notes(interviewId).orElse(DebriefNotes.NONE);
        NotesParser parser = new NotesParser();
        narrator.say("notes", m.count("notes.points", notes.points().size()), m.count("notes.leads", notes.leads().size()),
                m.count("notes.names", notes.names().size()), m.get(notes.article().isBlank() ? "notes.no-article" : "notes.article"));
        Stream.of(notes.points(), notes.leads(), notes.nextSteps()).flatMap(List::stream)
                .filter(item -> !parser.jobRequestPhrases(item, m.language()).isEmpty())
                .forEach(ask -> narrator.say("notes.job-ask", ask));
    }

    /** After the thank-you, Julie (named by Marc) invites the user for a coffee a few seconds later (M5: the chain). */
    private static void inviteJulie(GreenMailUser user, DemoStory story, Narrator narrator, Clock clock) {
        Instant sentAt = clock.instant();
        Instant start = sentAt.plusSeconds(4);
        try {
            user.deliver(story.suggestedInvitation(sentAt, start, start.plusSeconds(6)));
            narrator.say("julie", narrator.at(start));
        } catch (Exception e) {
            narrator.say("julie.failed", e.getMessage());
        }
    }

    /** A step of the user's, as 'rebond milestone' records it: news the next keeping-you-posted draft tells (M7). */
    private static void recordStep(App app, Narrator narrator, Clock clock, String stepKey) {
        String step = narrator.text(stepKey);
        app.news().add(new Milestone(0, clock.instant(), step, ""));
        narrator.say("step", step);
    }

    private static boolean allSettled(App app, long id) {
        if (app == null || app.store().byId(id).isEmpty()) {
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
            narrator.say("reply");
            user.deliver(story.debriefReply(clock.instant(), prompt.messageId(), "rebond"));
        } catch (Exception e) {
            narrator.say("reply.failed", e.getMessage());
        }
    }

    private static void stop(App app, DemoServer server, ScheduledExecutorService timers) {
        timers.shutdownNow();
        try {
            app.close();
        } catch (RuntimeException ignored) {
            // already closed
        }
        server.close();
    }
}
