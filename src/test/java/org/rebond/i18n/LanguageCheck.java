package org.rebond.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the lines of a text that speak the other language: in French output, lines with English
 * sentences; in English output, lines with French ones. What a user wrote or named (quoted
 * subjects, names, addresses, paths, commands and options, configuration keys) is not counted:
 * text in quotes or backquotes, tokens with {@code @ / . : = _ -} or digits inside, and words
 * after {@code rebond} on a command line are skipped. A line is flagged when it holds at least
 * {@code 2} distinct function words of the other language.
 */
public final class LanguageCheck {

    private static final Set<String> ENGLISH = Set.of("the", "and", "is", "are", "with", "for", "to", "of", "your", "you", "not",
            "this", "that", "was", "will", "has", "have", "from", "when", "which", "it", "its", "be", "or", "no", "in", "on", "at",
            "an", "by", "yet", "since", "due", "done", "sent", "shows", "show", "run", "runs", "set", "aside", "until", "what", "how",
            "there", "here", "than", "then", "does", "do", "can", "cannot", "could", "would", "should", "only", "each", "every", "all");
    private static final Set<String> FRENCH = Set.of("le", "la", "les", "des", "est", "vous", "votre", "vos", "pour", "avec", "une",
            "dans", "pas", "sur", "qui", "que", "du", "au", "aux", "ce", "cette", "ces", "sont", "été", "il", "elle", "ne", "rien",
            "déjà", "où", "quand", "chaque", "entretien", "brouillon", "depuis", "jusqu'à", "fait", "prévu", "mis", "côté", "et");
    /** Quoted text (user data, titles, examples) is not judged: «…», "…", “…”, '…', `…`. */
    private static final Pattern QUOTED = Pattern.compile("«[^»]*»|\"[^\"]*\"|“[^”]*”|‘[^’]*’|`[^`]*`|'[^' ]+(?: [^' ]+)*'(?=\\W|$)");
    /**
     * A command line: {@code rebond}, one of its commands, then what looks like arguments (options,
     * numbers, paths, placeholders such as {@code FILE}), not the words of the sentence that follows.
     */
    private static final Pattern COMMAND = Pattern.compile("\\brebond\\s+(?:run|demo|doctor|status|inspect|preview|track|ignore|done"
            + "|notes|milestone|contact|network|allowlist|class-archive|completion|init|help)\\b"
            + "(?:\\s+(?:-[-\\w]+(?:=\\S+)?|[\\w.~/<>:@#=-]*[\\d./~=<>:@#…][\\w.~/<>:@#=…-]*|[A-Z][A-Z_]+|…))*");
    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");

    private LanguageCheck() {}

    /** The lines of {@code text}, meant to be in {@code language}, that hold sentences in the other language. */
    public static List<String> linesInTheOtherLanguage(String text, Locale language) {
        Set<String> foreign = UserLanguage.isFrench(language) ? ENGLISH : FRENCH;
        List<String> flagged = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String judged = COMMAND.matcher(QUOTED.matcher(line).replaceAll(" ")).replaceAll(" ");
            Set<String> hits = new java.util.TreeSet<>();
            for (String token : judged.split("\\s+")) {
                if (token.isEmpty() || token.matches(".*[@/=_\\d].*") || token.matches(".*\\w[.:-]\\w.*") || token.startsWith("-")) {
                    continue;
                }
                Matcher w = WORD.matcher(token);
                while (w.find()) {
                    String word = w.group().toLowerCase(Locale.ROOT);
                    // French elisions: l'entretien, d'information, n'est
                    int apostrophe = word.indexOf('\'');
                    if (apostrophe >= 0 && apostrophe <= 2) {
                        word = word.substring(apostrophe + 1);
                    }
                    if (foreign.contains(word)) {
                        hits.add(word);
                    }
                }
            }
            if (hits.size() >= 2) {
                flagged.add(line + "   <- " + hits);
            }
        }
        return flagged;
    }
}
