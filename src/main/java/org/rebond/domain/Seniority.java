package org.rebond.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a job title reads senior (METHOD M2: while the user is learning the method, people a step or
 * two ahead of them teach more than people far above the level they aim for). Reads English and
 * French titles; accents and case do not matter.
 */
public final class Seniority {

    /**
     * Words that mark a senior role. Matched on the folded title (lower case, no accents), as whole
     * words. "Responsable de" is senior when it heads a field ("responsable de l'innovation"), not in
     * titles such as "responsable de compte" (an account manager).
     */
    private static final Pattern SENIOR = Pattern.compile("\\b(?:"
            + "head of|heads of|director|directors|managing director|vice[- ]president|vp|svp|evp|chief|c[etfoim]o|cdo|cpo|"
            + "partner|senior partner|principal|senior|sr|founder|co-?founder|president|general manager|country manager|"
            + "directeur|directrice|directeurs|directrices|dg|dga|drh|daf|dsi|pdg|associe|associee|fondateur|fondatrice|"
            + "cofondateur|cofondatrice|co-fondateur|co-fondatrice|president|presidente|vice-presidente?|chef de service|"
            + "chef de departement|cheffe de service|cheffe de departement|responsable d[eu]s? (?!compte|clientele|magasin|rayon|boutique)"
            + "|secretaire general|secretaire generale|doyen|doyenne)\\b");

    private Seniority() {
    }

    /** The words of {@code title} that read senior (as written), or empty when it does not read senior. */
    public static Optional<String> senior(String title) {
        if (title == null || title.isBlank()) {
            return Optional.empty();
        }
        String folded = fold(title);
        Matcher m = SENIOR.matcher(folded);
        if (!m.find()) {
            return Optional.empty();
        }
        // Folding keeps the length for Latin letters, so the match can be shown as the contact wrote it.
        int start = m.start();
        int end = m.end();
        return Optional.of(folded.length() == title.length() ? title.substring(start, end).strip() : m.group().strip());
    }

    public static boolean readsSenior(String title) {
        return senior(title).isPresent();
    }

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String folded = decomposed.toLowerCase(Locale.ROOT).replace('’', '\'');
        return folded.length() == text.length() ? folded : decomposed.toLowerCase(Locale.ROOT);
    }
}
