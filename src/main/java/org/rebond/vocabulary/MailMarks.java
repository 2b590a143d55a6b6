package org.rebond.vocabulary;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The marks by which {@link ContactText} recognises what a contact did not write, as literal
 * phrases looked for in a line already in lower case (with ’ as '): one long case-insensitive
 * regular expression tried at every place of every line made cleaning the slowest step of all.
 */
final class MailMarks {

    /** A line starting with one of these ends the contact's text: a forward, a phone's signature, a calendar's footer. */
    static final PhraseSet ENDING_STARTS = phrases(
            "-----original message", "----- original message", "-----message d'origine", "----- message d'origine",
            "---------- forwarded message", "-------- forwarded message", "-------- message transféré", "---------- message transféré",
            "-------- original message", "begin forwarded message", "début du message réexpédié", "debut du message reexpedie",
            "sent from my", "envoyé de mon", "envoyé depuis mon", "get outlook for", "télécharger outlook pour", "obtenir outlook pour",
            "invitation from google calendar", "invitation de google agenda", "you are receiving this email",
            "you are receiving this courtesy email", "vous recevez cet e-mail", "vous recevez cet email", "forwarding this invitation",
            "transférer cette invitation");

    /** A line containing one of these starts a legal disclaimer, which runs to the end. */
    static final PhraseSet DISCLAIMERS = phrases(
            "this e-mail and any attachments", "this email and any attachments", "this message and any attachments",
            "this communication and any attachments", "this e-mail and any files", "this email and any files",
            "if you are not the intended recipient", "if you have received this email in error", "if you have received this e-mail in error",
            "if you have received this message in error", "please consider the environment", "think before you print",
            "consider the environment before printing", "confidentiality notice", "avis de confidentialité",
            "ce message et toutes les pièces jointes", "ce message et tous les fichiers", "ce message et ses pièces jointes",
            "ce message et les pièces jointes", "ce courriel et ses pièces jointes", "ce courriel et toutes les pièces jointes",
            "ce mail et ses pièces jointes", "ce e-mail et ses pièces jointes", "à l'intention exclusive",
            "si vous n'êtes pas le destinataire", "si vous n'êtes pas la destinataire", "si vous avez reçu ce message par erreur",
            "si vous avez reçu ce courriel par erreur", "si vous avez reçu ce mail par erreur", "pensez à l'environnement",
            "avant d'imprimer", "n'imprimez ce");
    /** "This message … is confidential", "Ce courriel … est confidentiel": looked for only in a line that says "confidenti". */
    static final Pattern CONFIDENTIAL = Pattern.compile(
            "(e-?mail|message|communication|courriel)s? .{0,60}(is|are|est|sont) (strictly |strictement )?(private and )?confidenti");

    /** A line containing one of these is meeting boilerplate (Teams, Zoom, Google Meet, Webex), in English or French. */
    static final PhraseSet BOILERPLATE = phrases(
            "microsoft teams", "teams meeting", "réunion teams", "join the meeting", "join this meeting", "join teams meeting",
            "join meeting", "join zoom", "join with google meet", "join by phone", "join by video", "join online", "join on your computer",
            "join with a meeting id", "join on the web", "join with a video", "rejoindre la réunion", "rejoindre la conférence",
            "rejoindre sur votre", "rejoindre sur le web", "rejoindre par téléphone", "rejoindre avec un id", "rejoindre maintenant",
            "meeting id", "id de la réunion", "id de réunion", "passcode", "code secret", "mot de passe :", "password:", "dial-in", "dial in",
            "dial by your location", "one tap mobile", "local number", "numéro local", "conference id", "id de conférence", "learn more about",
            "learn more at", "en savoir plus sur teams", "en savoir plus sur meet", "en savoir plus |", "options de réunion",
            "meeting options", "zoom.us", "zoom meeting", "réunion zoom", "inviting you to a scheduled", "is inviting you to",
            "vous invite à une réunion", "google meet", "meet.google", "webex", "meeting number", "numéro de la réunion",
            "numéro de réunion", "access code", "code d'accès", "host key", "pin:", "pin :", "more phone numbers", "autres numéros",
            "numéros de téléphone", "participer par téléphone", "for organizers", "pour les organisateurs", "reset dial",
            "réinitialiser le code pin", "réinitialiser le pin", "need help?", "besoin d'aide ?", "view all guest",
            "afficher tous les invités", "afficher toutes les informations", "invitation de google", "video call link",
            "lien de l'appel", "download teams", "télécharger teams", "meeting link", "lien de la réunion", "click here to join",
            "cliquez ici pour rejoindre", "cliquez ici pour participer", "une touche sur mobile", "composez un numéro",
            "en fonction de votre emplacement", "trouver votre numéro");
    /** A line that is one of these labels ("Time: …", "Quand : …") or starts with one of these words is boilerplate too. */
    static final List<String> BOILERPLATE_LABELS = List.of("time", "heure", "when", "quand", "where", "où", "joining info", "calendar",
            "agenda", "guests", "invités", "organizer", "organiser", "organisateur", "topic", "sujet");
    static final PhraseSet BOILERPLATE_STARTS = phrases("reply for", "répondre pour", "invitation from", "[image:", "learn more",
            "en savoir plus");
    /** The longest label above with its "*" and spaces: a colon further on is no label's. */
    private static final int LONGEST_LABEL = 20;

    /** A closing line: the signature follows. */
    static final PhraseSet CLOSINGS = phrases("regards", "best regards", "kind regards", "warm regards", "warmest regards",
            "many regards", "best", "all the best", "best wishes", "cheers", "sincerely", "yours", "talk soon", "thanks", "thank you",
            "many thanks", "thanks again", "cordialement", "bien cordialement", "bien à vous", "bien à toi", "bien amicalement",
            "amicalement", "bises", "bonne journée", "belle journée", "très bonne journée", "bonne soirée", "belle soirée",
            "bonne fin de journée", "belle fin de journée", "bonne semaine", "belle semaine", "bonne fin de semaine",
            "bonne continuation", "à bientôt", "à très vite", "merci", "merci beaucoup", "merci encore", "merci d'avance");

    /** The quoted headers of an Outlook reply. */
    static final List<String> HEADER_FROM = List.of("from", "de", "von");
    static final List<String> HEADER_OTHER = List.of("sent", "envoyé", "envoye", "date", "to", "à", "a", "cc", "subject", "objet");
    /** "On … wrote:", "Le … a écrit :", in a few languages. */
    static final PhraseSet ATTRIBUTION_STARTS = phrases("on ", "le ", "am ", "el ", "il ");
    static final List<String> ATTRIBUTION_ENDS = List.of("wrote", "a écrit", "a ecrit", "écrit", "schrieb", "escribió", "ha scritto");

    private MailMarks() {
    }

    private static PhraseSet phrases(String... phrases) {
        return new PhraseSet(List.of(phrases));
    }

    /** Whether {@code lower} starts with one of {@code labels} (after an optional "*"), then spaces and a colon. */
    static boolean label(String lower, List<String> labels) {
        int colon = lower.indexOf(':');
        if (colon < 0 || colon > LONGEST_LABEL) {
            return false; // most lines: no label, and no label to try
        }
        int from = lower.startsWith("*") ? 1 : 0;
        for (String label : labels) {
            if (lower.startsWith(label, from)) {
                int i = from + label.length();
                while (i < lower.length() && (lower.charAt(i) == ' ' || lower.charAt(i) == '\u00A0')) {
                    i++;
                }
                if (i < lower.length() && lower.charAt(i) == ':') {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code lower} is a closing: one of {@link #CLOSINGS} alone on a short line, maybe with
     * punctuation and up to three more words ("Thanks, Tom", "Bonne journée à vous !").
     */
    static boolean closing(String lower) {
        if (lower.length() > 40) {
            return false;
        }
        int length = CLOSINGS.longestStart(lower);
        if (length == 0 || length < lower.length() && Character.isLetter(lower.charAt(length))) {
            return false; // no closing, or one word that starts like one ("bestseller")
        }
        String rest = lower.substring(length).replaceAll("[\\p{P}\\s]+", " ").strip();
        return rest.isEmpty() || rest.split(" ").length <= 3;
    }

    /** Whether {@code lower} ends an attribution line: "wrote:", "a écrit :". */
    static boolean endsAttribution(String lower) {
        String s = lower.strip();
        if (!s.endsWith(":")) {
            return false;
        }
        s = s.substring(0, s.length() - 1).strip();
        for (String end : ATTRIBUTION_ENDS) {
            if (s.endsWith(end)) {
                return true;
            }
        }
        return false;
    }
}
