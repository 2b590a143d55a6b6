package org.rebond.cli;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rebond.i18n.Messages;

/**
 * The reasons rebond records in English when it settles an action without delivering it (the
 * outbox keeps one language), as {@code status} shows them to a French-speaking user. A reason not
 * known here is shown as recorded.
 */
final class FrenchReasons {

    private record Rule(Pattern english, String french) {}

    private static final Map<String, String> MONTHS = Map.ofEntries(Map.entry("Jan", "janv."), Map.entry("Feb", "févr."),
            Map.entry("Mar", "mars"), Map.entry("Apr", "avr."), Map.entry("May", "mai"), Map.entry("Jun", "juin"), Map.entry("Jul", "juil."),
            Map.entry("Aug", "août"), Map.entry("Sep", "sept."), Map.entry("Oct", "oct."), Map.entry("Nov", "nov."), Map.entry("Dec", "déc."));

    private static final List<Rule> RULES = List.of(
            rule("interview ignored", "entretien ignoré"),
            rule("interview cancelled", "entretien annulé"),
            rule("the interview had already started when the prep event update came due",
                    "l'entretien avait déjà commencé quand la mise à jour de l'événement de préparation est arrivée à échéance"),
            rule("the interview had already started when the brief came due",
                    "l'entretien avait déjà commencé quand la préparation est arrivée à échéance"),
            rule("no longer part of the plan", "ne fait plus partie du programme"),
            rule("came due (\\d+) days ago, more than the (\\d+) days after which it would no longer help",
                    "arrivé à échéance il y a $1 jours, au-delà des $2 jours après lesquels il ne servirait plus"),
            rule("superseded by a newer version of the prep event", "remplacé par une version plus récente de l'événement de préparation"),
            rule("you already wrote to (.+) on (\\d{1,2}) (\\w{3}) \\(subject \"(.*)\"\\); no thank-you draft made",
                    "vous avez déjà écrit à $1 le $2 $3 (objet « $4 ») ; aucun brouillon de remerciement n'a été fait"),
            rule("the thank-you draft was kept as you left it; your new notes were not applied to it",
                    "le brouillon de remerciement est resté tel que vous l'avez laissé ; vos nouvelles notes n'y ont pas été reprises"),
            rule("nothing new to tell (.+) yet; next look on (\\d{1,2}) (\\w{3})",
                    "rien de nouveau à dire à $1 pour l'instant ; prochain point le $2 $3"),
            rule("nothing new to tell (.+) yet; no later update is planned",
                    "rien de nouveau à dire à $1 pour l'instant ; aucune autre nouvelle n'est prévue"),
            rule("no thank-you draft was delivered to revise", "aucun brouillon de remerciement n'avait été déposé à réviser"),
            // Why a keeping-you-posted draft waits, or was not made (the keep-posted cadence).
            rule("(.+) wrote to you on (\\d{1,2}) (\\w{3}) \\(subject \"(.*)\"\\): reply to (.+) rather than sending news",
                    "$1 vous a écrit le $2 $3 (objet « $4 ») : répondez-lui plutôt que d'envoyer des nouvelles"),
            rule("paused: (.+) has not answered your last (\\d+) updates", "en pause : $1 n'a pas répondu à vos $2 dernières nouvelles"),
            rule("you said you were done keeping (.+) posted", "vous avez dit ne plus vouloir tenir $1 au courant"),
            // Why an interview was taken (the detector's reasons).
            rule("title says \"(.*)\"", "le titre dit « $1 »"),
            rule("description says \"(.*)\"", "la description dit « $1 »"),
            rule("marker \"(.*)\" in title", "marqueur « $1 » dans le titre"),
            rule("category \"(.*)\"", "catégorie « $1 »"),
            rule("\"(.*)\" with a career hint \\(\"(.*)\"\\)", "« $1 » avec un indice de carrière (« $2 »)"),
            rule("contact suggested in an earlier debrief", "personne suggérée lors d'un entretien précédent"),
            rule("tracked by you", "suivi à votre demande"),
            // Why an event was seen but not taken (status's "seen, not taken").
            rule("no information-interview wording", "aucune formule d'entretien d'information"),
            rule("excluded: \"(.*)\" in title \\(M1\\)", "écarté : « $1 » dans le titre"),
            rule("excluded: \"(.*)\" in description \\(M1\\)", "écarté : « $1 » dans la description"),
            rule("excluded: \"(.*)\" in categories \\(M1\\)", "écarté : « $1 » dans les catégories"),
            rule("set aside: (.+)", "mis de côté : « $1 »"),
            // Why a message or a calendar object was set aside (quarantine).
            rule("could not be processed \\((.*)\\)", "n'a pas pu être traité (« $1 »)"),
            rule("the object is (\\d+) bytes, more than limits.max_calendar_part_bytes \\((\\d+)\\)",
                    "l'objet fait $1 octets, plus que limits.max_calendar_part_bytes ($2)"),
            rule("the server closes the connection whenever this message is read \\((.*)\\); rebond reads on past it",
                    "le serveur coupe la connexion chaque fois que ce message est lu (« $1 ») ; rebond lit la suite sans lui"),
            // What the mailbox connection last ran into (status's server lines).
            rule("connection lost: (.+)", "connexion perdue : « $1 »"),
            rule("cannot read (\\S+): (.+)", "lecture impossible de $1 : « $2 »"),
            rule("cannot append to (\\S+): (.+)", "impossible de déposer dans $1 : « $2 »"),
            rule("the IMAP server (\\S+) refused the login of (\\S+) — check the user name and the password source \\((.+)\\)",
                    "le serveur IMAP $1 a refusé la connexion de $2 — vérifiez le nom d'utilisateur et la source du mot de passe ($3)"),
            rule("the IMAP server (\\S+) refused the login of (\\S+)(?: .*)?", "le serveur IMAP $1 a refusé la connexion de $2"),
            rule("cannot connect to (\\S+) \\((\\w+)\\): (.+)", "connexion impossible à $1 ($2) : « $3 »"));

    private FrenchReasons() {
    }

    private static Rule rule(String english, String french) {
        return new Rule(Pattern.compile(english), french);
    }

    /**
     * A reason recorded in English as {@code status} shows it in {@code messages}' language: as
     * recorded in English; in French translated when its shape is known, else quoted as recorded
     * (the user still reads what rebond noted, and sees it is a note, not a sentence to them).
     */
    static String shown(String english, Messages messages) {
        if (english == null || english.isBlank()) {
            return "";
        }
        if (!messages.french()) {
            return english;
        }
        String french = of(english);
        return french.equals(english) ? messages.get("reason.asRecorded", english.strip()) : french;
    }

    /** Why an event that reads like an interview was still not taken: the detector's reason, then this. */
    private static final String NOBODY_TO_MEET = ", but nobody to meet was found among the attendees";

    static String of(String english) {
        if (english == null) {
            return "";
        }
        if (english.strip().endsWith(NOBODY_TO_MEET)) {
            String reason = english.strip().substring(0, english.strip().length() - NOBODY_TO_MEET.length());
            String french = of(reason);
            return french.equals(reason) ? english : french + ", mais personne à rencontrer parmi les participants";
        }
        for (Rule rule : RULES) {
            Matcher m = rule.english().matcher(english.strip());
            if (m.matches()) {
                String french = m.replaceFirst(rule.french());
                for (Map.Entry<String, String> month : MONTHS.entrySet()) {
                    french = french.replaceFirst("(?<=le \\d{1,2} )" + month.getKey() + "\\b", Matcher.quoteReplacement(month.getValue()));
                }
                return french;
            }
        }
        return english;
    }
}
