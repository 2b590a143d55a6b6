package org.rebond.cli;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.rebond.application.InterviewStore;
import org.rebond.domain.DebriefNotes;
import org.rebond.domain.JobAsk;
import org.rebond.domain.DebriefNotes.NameGiven;

/**
 * What {@code rebond notes} tells the user, in their language: the notes as understood, their counts,
 * the words that would make the thank-you ask for a job (METHOD M1), the template to fill in.
 */
final class NotesReport {

    private final boolean fr;
    /** The person met, as the names' permissions speak of them ("may mention Marc Lefèvre"). */
    private final String contact;

    NotesReport(boolean fr, String contact) {
        this.fr = fr;
        this.contact = contact;
    }

    /** Every section with its items, as rebond understood them. */
    List<String> details(DebriefNotes notes) {
        List<String> lines = new ArrayList<>();
        section(lines, fr ? "Points abordés" : "Points discussed", notes.points());
        section(lines, fr ? "Pistes" : "Leads", notes.leads());
        section(lines, fr ? "Noms" : "Names", notes.names().stream().map(this::name).toList());
        if (!notes.article().isBlank()) {
            lines.add((fr ? "Article : " : "Article: ") + notes.article());
        }
        section(lines, fr ? "Prochaines étapes" : "Next steps", notes.nextSteps());
        return lines;
    }

    private void section(List<String> lines, String heading, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        lines.add(heading + " (" + items.size() + ")" + (fr ? " :" : ":"));
        items.forEach(item -> lines.add("  - " + item));
    }

    /** A name with its address and the permissions, in words. */
    String name(NameGiven n) {
        String who = n.name() + (n.email().isBlank() || n.email().equalsIgnoreCase(n.name()) ? "" : " <" + n.email() + ">");
        return who + (fr ? " : " : ": ") + permissions(n);
    }

    String permissions(NameGiven n) {
        List<String> words = new ArrayList<>();
        words.add(fr ? (n.mayNote() ? "ok pour noter" : "ne pas noter") : (n.mayNote() ? "may note" : "may not note"));
        words.add(fr ? (n.mayContact() ? "ok pour contacter" : "ne pas contacter") : (n.mayContact() ? "may contact" : "may not contact"));
        words.add(fr ? (n.mayMention() ? "ok pour citer " : "ne pas citer ") + contact
                : (n.mayMention() ? "may mention " : "may not mention ") + contact);
        if (n.introduces()) {
            words.add(fr ? contact + " fera l'introduction" : contact + " will introduce you");
        }
        return String.join(", ", words);
    }

    /** "2 points, 1 lead, an article", or "nothing". */
    String counts(DebriefNotes notes) {
        List<String> parts = new ArrayList<>();
        count(parts, notes.points().size(), "point", "points", "point", "points");
        count(parts, notes.leads().size(), "lead", "leads", "piste", "pistes");
        count(parts, notes.names().size(), "name", "names", "nom", "noms");
        count(parts, notes.nextSteps().size(), "next step", "next steps", "prochaine étape", "prochaines étapes");
        if (!notes.article().isBlank()) {
            parts.add(fr ? "un article" : "an article");
        }
        return parts.isEmpty() ? (fr ? "rien" : "nothing") : String.join(", ", parts);
    }

    private void count(List<String> parts, int n, String one, String many, String un, String plusieurs) {
        if (n > 0) {
            parts.add(n + " " + (fr ? (n == 1 ? un : plusieurs) : (n == 1 ? one : many)));
        }
    }

    /** The notes that ask for a job (M1), each with why it may hurt and what the thank-you does; empty when there are none. */
    List<String> jobAsks(List<JobAsk.Ask> asks) {
        List<String> lines = new ArrayList<>();
        for (JobAsk.Ask ask : asks) {
            lines.add(fr ? "Attention (M1) : « " + ask.phrase() + " » demande un emploi à " + contact + "."
                    : "Careful (M1): \"" + ask.phrase() + "\" asks " + contact + " for a job.");
            lines.add(fr ? "  Pourquoi c'est risqué : " + ask.reason() + ". Le remerciement laisse cette note de côté et le dit dans "
                    + "sa première ligne, à supprimer avant l'envoi."
                    : "  Why it may hurt: " + ask.reason() + ". The thank-you leaves this note out and says so in its first line, "
                    + "which you delete before sending.");
        }
        return lines;
    }

    /** Where the notes came from, oldest first. */
    String sources(List<InterviewStore.NotesSource> sources, DateTimeFormatter when) {
        return sources.stream().map(s -> (s.sourceId().startsWith("rebond notes ")
                        ? "rebond notes" : (fr ? "réponse à la demande de notes" : "reply to the debrief prompt")) + " (" + when.format(s.receivedAt()) + ")")
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
        return fr ? """
                # Notes de l'entretien %1$s.
                # Un élément par ligne sous chaque titre, précédé d'un tiret ; laissez vide ce pour quoi vous n'avez rien.
                # Les lignes qui commencent par # sont ignorées. Un fichier laissé tel quel n'enregistre rien.
                # Les notes déjà enregistrées restent : ce que vous écrivez ici s'y ajoute.

                Points abordés (ce que vous avez appris, une ligne par point) :
                -\u0020

                Pistes (événements, lectures, entreprises ou lieux à explorer) :
                -\u0020

                Noms (nom, e-mail, puis ce qui a été accepté : ok noter, ok contacter, ok citer %2$s, va me présenter) :
                -\u0020

                Article (un lien que vous aimeriez partager avec %2$s) :
                -\u0020

                Prochaines étapes (ce que vous allez faire, et pour quand) :
                -\u0020
                """.formatted(interview, contact)
                : """
                # Notes for interview %1$s.
                # One item per line under each heading, starting with a dash; leave empty what you have nothing for.
                # Lines starting with # are ignored. A file left as it is records nothing.
                # Notes already recorded stay: what you write here is added to them.

                Points discussed (what you learned, one line each):
                -\u0020

                Leads (events, readings, companies or places to look into):
                -\u0020

                Names (name, e-mail, then what was agreed: may note, may contact, may mention %2$s, will introduce me):
                -\u0020

                Article (a link you would like to share with %2$s):
                -\u0020

                Next steps (what you will do, and by when):
                -\u0020
                """.formatted(interview, contact);
    }
}
