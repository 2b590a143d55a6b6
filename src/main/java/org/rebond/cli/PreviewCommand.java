package org.rebond.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rebond.Offline;
import org.rebond.application.MessageComposer;
import org.rebond.config.RebondConfig;
import org.rebond.domain.Action;
import org.rebond.domain.Interview;
import org.rebond.i18n.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Renders a message for an interview without delivering it. */
@Command(name = "preview", mixinStandardHelpOptions = true)
public final class PreviewCommand implements Callable<Integer> {

    private final Clock clock;

    /** Made by {@link Main}'s factory with the one clock of the process. */
    public PreviewCommand(Clock clock) {
        this.clock = clock;
    }

    @Parameters(index = "0", paramLabel = "MESSAGE", descriptionKey = "message")
    String message;

    @Option(names = "--interview", required = true, paramLabel = "ID", descriptionKey = "interview")
    long interviewId;

    @Mixin
    ConfigOption config;

    @Option(names = "--html", descriptionKey = "html")
    boolean html;

    @Option(names = "--number", defaultValue = "1", paramLabel = "N", descriptionKey = "number")
    int number;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Action action = switch (message.toLowerCase(Locale.ROOT)) {
            case "brief" -> Action.BRIEF;
            case "debrief", "debrief-prompt" -> Action.DEBRIEF_PROMPT;
            case "thank-you", "thankyou" -> Action.THANK_YOU;
            case "keep-posted", "keepposted" -> Action.keepPosted(Math.max(1, number));
            default -> throw new ExitCodes.CommandFailure(ExitCodes.USAGE, config.say("commands").get("preview.unknown.message", message));
        };
        RebondConfig loaded = config.load();
        Messages say = config.say("commands");
        try (Offline state = Offline.open(loaded, clock)) {
            Interview interview = state.store().byId(interviewId).orElseThrow(() -> new ExitCodes.CommandFailure(ExitCodes.DATA,
                    say.get("interview.unknown", interviewId, config)));
            MessageComposer.Rendered rendered = state.composer().preview(interview, action);
            PrintWriter out = spec.commandLine().getOut();
            if (html) {
                out.println(rendered.html()); // the document alone, for a browser
            } else {
                out.println(say.get("preview.subject", rendered.subject()));
                out.println();
                out.println(rendered.text());
            }
        }
        return ExitCodes.OK;
    }
}
