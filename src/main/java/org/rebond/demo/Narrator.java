package org.rebond.demo;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.rebond.application.ActionRunner;
import org.rebond.application.InterviewService;
import org.rebond.domain.Action;
import org.rebond.domain.Interview;
import org.rebond.domain.PlannedAction;
import org.rebond.i18n.Messages;

/**
 * Tells the demo's story as it happens, with the time since the start, in one language: every
 * sentence comes from the {@code demo} messages, the reasons rebond records (in English) are read
 * through {@code reasons}, and folders are named as the demo mailbox names them.
 */
public final class Narrator {

    /** The folders of the demo mailbox that rebond delivers to, by their names there. */
    public record Folders(String inbox, String drafts) {}

    private final PrintWriter out;
    private final Messages messages;
    private final Clock clock;
    private final Instant origin;
    private final DateTimeFormatter time;
    private final UnaryOperator<String> reasons;
    private final Folders folders;

    /**
     * @param reasons the reasons rebond records in English, as the reader reads them (identity for English)
     */
    public Narrator(PrintWriter out, Messages messages, Clock clock, ZoneId zone, UnaryOperator<String> reasons, Folders folders) {
        this.out = out;
        this.messages = messages;
        this.clock = clock;
        this.origin = clock.instant();
        this.time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
        this.reasons = reasons;
        this.folders = folders;
    }

    /** The sentence {@code key} of the demo's messages, unprinted (for lines that are not the story's). */
    public String text(String key, Object... args) {
        return messages.get(key, args);
    }

    /** A step of the story: its sentence {@code key}, stamped with the time since the start. */
    public void say(String key, Object... args) {
        line(String.format("[%s] %s", elapsed(), messages.get(key, args)));
    }

    /** A detail of the step just told, indented under it. */
    public void more(String key, Object... args) {
        line("        " + messages.get(key, args));
    }

    public String at(Instant instant) {
        return time.format(instant);
    }

    public Folders folders() {
        return folders;
    }

    private synchronized void line(String text) {
        out.println(text);
        out.flush();
    }

    private String elapsed() {
        Duration elapsed = Duration.between(origin, clock.instant());
        return String.format("%02d:%02d", elapsed.toMinutes(), elapsed.toSecondsPart());
    }

    public void detected(InterviewService.Outcome outcome, List<PlannedAction> plan) {
        Interview i = outcome.interview();
        if (outcome.kind() != InterviewService.Outcome.Kind.CREATED || i == null) {
            return;
        }
        say("detected", i.contact().displayName(), reasons.apply(outcome.detail()));
        if (i.referrer() != null && outcome.detail().startsWith("contact suggested")) {
            more("detected.suggested", i.referrer().displayName());
        } else if (i.referrer() != null) {
            more("detected.introduced", i.referrer().displayName());
        }
        more("planned", plan.stream().map(p -> label(p.action()) + " " + at(p.due())).collect(Collectors.joining(" · ")));
    }

    /** What became of an action of the second interview (Julie's), told briefly: the story is Marc's. */
    public void firedForTheNextContact(Action action, ActionRunner.Result result) {
        if (result.kind() != ActionRunner.Result.Kind.DELIVERED) {
            return;
        }
        switch (action.kind()) {
            case BRIEF -> say("next.brief", folders.inbox());
            case DEBRIEF_PROMPT -> say("next.debrief-prompt");
            case THANK_YOU -> say("next.thank-you", folders.drafts());
            default -> { }
        }
    }

    public void fired(Action action, ActionRunner.Result result) {
        switch (result.kind()) {
            case DELIVERED -> delivered(action, result.detail());
            case SKIPPED -> say("skipped", label(action), reasons.apply(result.detail()));
            case RETRY -> say("retry", label(action), result.detail());
            default -> { }
        }
    }

    private void delivered(Action action, String subject) {
        switch (action.kind()) {
            case BRIEF -> {
                say("delivered.brief", folders.inbox(), subject);
                say("delivered.brief.vocabulary");
            }
            case DEBRIEF_PROMPT -> say("delivered.debrief-prompt", folders.inbox(), subject);
            case THANK_YOU -> say("delivered.thank-you", folders.drafts(), subject);
            case KEEP_POSTED -> say("delivered.keep-posted", action.number(), folders.drafts(), subject);
            case BRIEF_UPDATE -> say("delivered.brief-update", folders.inbox(), subject);
            case THANK_YOU_REVISION -> say("delivered.thank-you-revision", folders.drafts(), subject);
        }
    }

    /** An action as the reader calls it: "brief", "news #1"… */
    public String label(Action action) {
        return switch (action.kind()) {
            case BRIEF -> messages.get("action.brief");
            case DEBRIEF_PROMPT -> messages.get("action.debrief-prompt");
            case THANK_YOU -> messages.get("action.thank-you");
            case KEEP_POSTED -> messages.get("action.keep-posted", action.number());
            case BRIEF_UPDATE -> messages.get("action.brief-update", action.number());
            case THANK_YOU_REVISION -> messages.get("action.thank-you-revision", action.number());
        };
    }
}
