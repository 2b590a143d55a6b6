package org.rebond.demo;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.rebond.application.ActionRunner;
import org.rebond.application.InterviewService;
import org.rebond.domain.Action;
import org.rebond.domain.Interview;
import org.rebond.domain.PlannedAction;

/** Tells the demo's story as it happens, in English or French, with the time since the start. */
public final class Narrator {

    private final PrintWriter out;
    private final boolean french;
    private final Clock clock;
    private final Instant origin;
    private final DateTimeFormatter time;

    /** Reasons rebond records in English, as a French reader reads them (identity in English). */
    private final java.util.function.UnaryOperator<String> reasons;

    public Narrator(PrintWriter out, boolean french, Clock clock, ZoneId zone) {
        this(out, french, clock, zone, java.util.function.UnaryOperator.identity());
    }

    public Narrator(PrintWriter out, boolean french, Clock clock, ZoneId zone, java.util.function.UnaryOperator<String> frenchReasons) {
        this.reasons = frenchReasons;
        this.out = out;
        this.french = french;
        this.clock = clock;
        this.origin = clock.instant();
        this.time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
    }

    public synchronized void say(String english, String francais) {
        Duration elapsed = Duration.between(origin, clock.instant());
        out.printf("[%02d:%02d] %s%n", elapsed.toMinutes(), elapsed.toSecondsPart(), french ? francais : english);
        out.flush();
    }

    public synchronized void more(String english, String francais) {
        out.println("        " + (french ? francais : english));
        out.flush();
    }

    public String at(Instant instant) {
        return time.format(instant);
    }

    public void detected(InterviewService.Outcome outcome, List<PlannedAction> plan) {
        Interview i = outcome.interview();
        if (outcome.kind() != InterviewService.Outcome.Kind.CREATED || i == null) {
            return;
        }
        say("Detected an information interview with " + i.contact().displayName() + " (" + outcome.detail() + ")",
                "Entretien d'information détecté avec " + i.contact().displayName() + " (" + reasons.apply(outcome.detail()) + ")");
        if (i.referrer() != null && outcome.detail().startsWith("contact suggested")) {
            more("suggested by " + i.referrer().displayName() + " in your debrief notes; the brief says so, and "
                            + i.referrer().displayName() + "'s next keeping-you-posted draft will tell of this meeting",
                    "suggérée par " + i.referrer().displayName() + " dans vos notes ; la fiche le dit, et le prochain brouillon "
                            + "de nouvelles pour " + i.referrer().displayName() + " racontera cette rencontre");
        } else if (i.referrer() != null) {
            more("introduced by " + i.referrer().displayName() + ", found in the introduction email",
                    "mise en relation par " + i.referrer().displayName() + ", trouvée dans le mail d'introduction");
        }
        String planned = plan.stream().map(p -> label(p.action()) + " " + at(p.due())).collect(Collectors.joining(" · "));
        more("planned: " + planned, "prévu : " + planned);
    }

    /** What became of an action of the second interview (Julie's), told briefly: the story is Marc's. */
    public void firedForTheNextContact(Action action, ActionRunner.Result result) {
        if (result.kind() != ActionRunner.Result.Kind.DELIVERED) {
            return;
        }
        switch (action.kind()) {
            case BRIEF -> say("Prep brief for the coffee delivered to INBOX: it says Marc suggested Julie, so you can tell her.",
                    "Fiche de préparation du café déposée : elle dit que Marc vous a suggéré Julie, pour que vous puissiez le lui dire.");
            case DEBRIEF_PROMPT -> say("Debrief prompt for Julie delivered; the demo leaves it unanswered.",
                    "Demande de notes pour Julie déposée ; la démonstration la laisse sans réponse.");
            case THANK_YOU -> say("Thank-you to Julie drafted, with marked places to fill since no notes were given.",
                    "Remerciement à Julie préparé, avec des passages à compléter puisqu'aucune note n'a été donnée.");
            default -> { }
        }
    }

    public void fired(Action action, ActionRunner.Result result) {
        switch (result.kind()) {
            case DELIVERED -> {
                switch (action.kind()) {
                    case BRIEF -> {
                        say("Prep brief delivered to INBOX, with the prep event in the calendar part: \"" + result.detail() + "\"",
                                "Fiche de préparation déposée dans la boîte de réception, avec l'événement de préparation : « " + result.detail() + " »");
                        say("It lists the terms Marc uses that the rest of the mailbox does not (FHIR, CE marking…), and cautions that a"
                                        + " senior product manager is a lot for a first information interview.",
                                "Elle relève les termes que Marc emploie et que le reste de la boîte n'emploie pas (FHIR, marquage CE…), et"
                                        + " prévient qu'un « Senior Product Manager » fait beaucoup pour un premier entretien d'information.");
                    }
                    case DEBRIEF_PROMPT -> say("Debrief prompt delivered to INBOX: \"" + result.detail() + "\"",
                            "Demande de notes déposée dans la boîte de réception : « " + result.detail() + " »");
                    case THANK_YOU -> say("Thank-you drafted in Drafts (not sent): \"" + result.detail() + "\"",
                            "Remerciement préparé dans le dossier Drafts (non envoyé) : « " + result.detail() + " »");
                    case KEEP_POSTED -> say("Keeping-you-posted #" + action.number() + " drafted in Drafts (not sent): \"" + result.detail() + "\"",
                            "Nouvelles n°" + action.number() + " préparées dans le dossier Drafts (non envoyées) : « " + result.detail() + " »");
                    case BRIEF_UPDATE -> say("Prep event updated in INBOX: \"" + result.detail() + "\"",
                            "Événement de préparation mis à jour dans la boîte de réception : « " + result.detail() + " »");
                    case THANK_YOU_REVISION -> say("Thank-you draft replaced with your new notes (not sent): \"" + result.detail() + "\"",
                            "Brouillon de remerciement remplacé avec vos nouvelles notes (non envoyé) : « " + result.detail() + " »");
                }
            }
            case SKIPPED -> say(label(action) + " skipped: " + result.detail(), label(action) + " sautée : " + result.detail());
            case RETRY -> say(label(action) + " failed, will retry: " + result.detail(), label(action) + " en échec, nouvel essai prévu : " + result.detail());
            default -> { }
        }
    }

    public String label(Action action) {
        if (!french) {
            return action.label();
        }
        return switch (action.kind()) {
            case BRIEF -> "fiche";
            case DEBRIEF_PROMPT -> "demande de notes";
            case THANK_YOU -> "remerciement";
            case KEEP_POSTED -> "nouvelles n°" + action.number();
            case BRIEF_UPDATE -> "mise à jour de la fiche n°" + action.number();
            case THANK_YOU_REVISION -> "révision du remerciement n°" + action.number();
        };
    }
}
