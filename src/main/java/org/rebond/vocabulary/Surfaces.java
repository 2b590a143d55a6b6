package org.rebond.vocabulary;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * The written form shown for a term: the one the contact used most, on one line. A form in the
 * middle of a sentence counts three times as much as one at its start, where a capital says
 * nothing ("Open Banking" mid-sentence wins over "Open banking" opening one); between equals, the
 * one with more capitals wins ("KYC" over "kyc"), then the one used first.
 */
final class Surfaces {

    private static final int MID_SENTENCE = 3;

    private Surfaces() {
    }

    static String shown(Candidate c, List<String> texts) {
        Map<String, Integer> votes = new HashMap<>();
        Map<String, Integer> firstPlace = new HashMap<>();
        for (int p = 0; p < c.placeCount(); p++) {
            String form = oneLine(texts.get(c.text(p)).substring(c.start(p), c.end(p)));
            votes.merge(form, c.atSentenceStart(p) ? 1 : MID_SENTENCE, Integer::sum);
            firstPlace.putIfAbsent(form, p);
        }
        String best = null;
        for (Map.Entry<String, Integer> e : votes.entrySet()) {
            String form = e.getKey();
            if (best == null || better(form, e.getValue(), firstPlace.get(form), best, votes.get(best), firstPlace.get(best))) {
                best = form;
            }
        }
        return best;
    }

    private static boolean better(String form, int votes, int first, String best, int bestVotes, int bestFirst) {
        if (votes != bestVotes) {
            return votes > bestVotes;
        }
        int capitals = capitals(form);
        int bestCapitals = capitals(best);
        if (capitals != bestCapitals) {
            return capitals > bestCapitals;
        }
        return first < bestFirst;
    }

    private static int capitals(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isUpperCase(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    /** Lower case without accents, as names and common words are compared. */
    static String fold(String s) {
        char[] lower = s.toLowerCase(java.util.Locale.ROOT).toCharArray();
        char[] out = new char[lower.length * 4];
        int n = ASCIIFoldingFilter.foldToASCII(lower, 0, out, 0, lower.length);
        return new String(out, 0, n);
    }
}
