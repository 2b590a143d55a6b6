package org.rebond.domain;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The user's objective as one full sentence the user can say, whatever form it was written in: a verb
 * phrase ("move into product management", "devenir product manager"), a noun phrase ("product
 * manager in digital health", "un poste dans la santé") or already a sentence ("I want to …",
 * "J'aimerais …").
 */
public final class ObjectiveSentence {

    private static final Set<String> ENGLISH_VERBS = Set.of("move", "become", "work", "join", "build", "switch", "transition", "get",
            "find", "explore", "learn", "start", "go", "change", "lead", "design", "use", "help", "return", "retrain", "pivot", "enter",
            "break", "make", "grow", "develop", "create", "launch", "run", "manage", "teach", "train", "write", "research", "study",
            "shift", "step", "take", "try", "turn", "bring", "apply", "combine", "contribute", "understand", "set", "open");
    private static final Pattern ENGLISH_SENTENCE = Pattern.compile("(?i)^(i|i'm|i am|i'd|i would|i want|i wish|my|we)\\b.*");
    private static final Pattern FRENCH_SENTENCE = Pattern.compile("(?i)^(je|j'|j’|mon|ma|mes|nous)\\b.*|^(j'|j’).*");
    /** A French infinitive: the usual endings of the three groups. */
    private static final Pattern FRENCH_INFINITIVE = Pattern.compile("(?i)^(s'|s’|se |me |m'|m’)?\\p{L}+(er|ir|re|oir)$");

    private ObjectiveSentence() {
    }

    /**
     * @return the sentence, ending with a full stop; empty when there is no objective
     */
    public static String of(String objective, Locale language) {
        String text = objective == null ? "" : objective.strip().replaceAll("\\s+", " ");
        text = text.replaceAll("[.;:!,\\s]+$", "");
        if (text.isEmpty()) {
            return "";
        }
        boolean french = language != null && "fr".equals(language.getLanguage());
        return (french ? french(text) : english(text)) + ".";
    }

    private static String english(String text) {
        if (ENGLISH_SENTENCE.matcher(text).matches()) {
            return capitalised(text);
        }
        String phrase = text.replaceFirst("(?i)^to ", "");
        String first = phrase.split(" ", 2)[0].toLowerCase(Locale.ROOT);
        if (ENGLISH_VERBS.contains(first)) {
            return "I would like to " + uncapitalised(phrase);
        }
        return "The direction I am exploring is " + uncapitalised(text);
    }

    private static String french(String text) {
        if (FRENCH_SENTENCE.matcher(text).matches()) {
            return capitalised(text);
        }
        String phrase = text.replaceFirst("(?i)^(de |d'|d’)", "");
        String first = phrase.split(" ", 2)[0];
        String second = phrase.contains(" ") ? phrase.split(" ", 3)[1] : "";
        boolean infinitive = FRENCH_INFINITIVE.matcher(first).matches()
                || (first.matches("(?i)se|s'|me") && !second.isEmpty() && FRENCH_INFINITIVE.matcher(second).matches());
        if (infinitive && !first.matches("(?i)(manager|designer|leader|chercheur|ingénieur|docteur|auteur|directeur|formateur|"
                + "conseiller|infirmier|boulanger|pâtissier|jardinier|ouvrier|officier|banquier|cuisinier|chef|une?|le|la|les|un|des)")) {
            return "J'aimerais " + uncapitalised(phrase);
        }
        return "La voie que j'explore\u00a0: " + uncapitalised(text);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Lower-cases the first letter unless the first word is an acronym or a name written with capitals inside (UX, iOS, McKinsey). */
    private static String uncapitalised(String text) {
        String first = text.split(" ", 2)[0];
        boolean keep = first.length() > 1 && first.substring(1).chars().anyMatch(Character::isUpperCase);
        return keep ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
