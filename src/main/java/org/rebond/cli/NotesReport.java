package org.rebond.cli;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.rebond.application.InterviewStore;
import org.rebond.domain.DebriefNotes;
import org.rebond.domain.DebriefNotes.NameGiven;
import org.rebond.domain.JobAsk;
import org.rebond.i18n.Messages;

/**
 * What {@code rebond notes} tells the user, in their language (the {@code notes} sentences): the notes
 * as understood, their counts, the words that would make the thank-you ask for a job (METHOD M1), the
 * template to fill in.
 */
final class NotesReport {

    private final Messages say;
    /** The person met, as the names' permissions speak of them ("may mention Marc Lefèvre"). */
    private final String contact;

    NotesReport(Messages say, String contact) {
        this.say = say;
        this.contact = contact;
    }

    /** Every section with its items, as rebond understood them. */
    List<String> details(DebriefNotes notes) {
        List<String> lines = new ArrayList<>();
        section(lines, "section.points", notes.points());
        section(lines, "section.leads", notes.leads());
        section(lines, "section.names", notes.names().stream().map(this::name).toList());
        if (!notes.article().isBlank()) {
            lines.add(say.get("article", notes.article()));
        }
        section(lines, "section.next.steps", notes.nextSteps());
        return lines;
    }

    private void section(List<String> lines, String heading, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        lines.add(say.get("section", say.get(heading), items.size()));
        items.forEach(item -> lines.add("  - " + item));
    }

    /** A name with its address and the permissions, in words. */
    String name(NameGiven n) {
        String who = n.name() + (n.email().isBlank() || n.email().equalsIgnoreCase(n.name()) ? "" : " <" + n.email() + ">");
        return say.get("name", who, permissions(n));
    }

    String permissions(NameGiven n) {
        List<String> words = new ArrayList<>();
        words.add(say.get(n.mayNote() ? "may.note" : "may.not.note"));
        words.add(say.get(n.mayContact() ? "may.contact" : "may.not.contact"));
        words.add(say.get(n.mayMention() ? "may.mention" : "may.not.mention", contact));
        if (n.introduces()) {
            words.add(say.get("will.introduce", contact));
        }
        return String.join(", ", words);
    }

    /** "2 points, 1 lead, an article", or "nothing". */
    String counts(DebriefNotes notes) {
        List<String> parts = new ArrayList<>();
        count(parts, "count.points", notes.points().size());
        count(parts, "count.leads", notes.leads().size());
        count(parts, "count.names", notes.names().size());
        count(parts, "count.next.steps", notes.nextSteps().size());
        if (!notes.article().isBlank()) {
            parts.add(say.get("count.article"));
        }
        return parts.isEmpty() ? say.get("count.nothing") : String.join(", ", parts);
    }

    private void count(List<String> parts, String key, int n) {
        if (n > 0) {
            parts.add(say.count(key, n));
        }
    }

    /** The notes that ask for a job (M1), each with why it may hurt and what the thank-you does; empty when there are none. */
    List<String> jobAsks(List<JobAsk.Ask> asks) {
        List<String> lines = new ArrayList<>();
        for (JobAsk.Ask ask : asks) {
            lines.add(say.get("job.ask", ask.phrase(), contact));
            lines.add("  " + say.get("job.ask.why", ask.reason()));
        }
        return lines;
    }

    /** Where the notes came from, oldest first. */
    String sources(List<InterviewStore.NotesSource> sources, DateTimeFormatter when) {
        return sources.stream().map(s -> say.get("source", s.sourceId().startsWith("rebond notes ") ? "rebond notes" : say.get("source.reply"),
                        when.format(s.receivedAt())))
                .collect(Collectors.joining(", "));
    }

    /** The text all recorded notes hold, for the job-request check of {@code --show}. */
    static String text(DebriefNotes notes) {
        List<String> all = new ArrayList<>(notes.points());
        all.addAll(notes.leads());
        all.addAll(notes.nextSteps());
        all.add(notes.article());
        return String.join("\n", all);
    }

    /** The file the editor opens: headings with a hint each, as in the debrief prompt; {@code #} lines are comments. */
    String template(String interview) {
        return say.get("template", interview, contact) + "\n";
    }
}
