package org.rebond.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The questions of a brief, from several sources (the user's configuration, the built-in list), each
 * asked once: two questions that differ only in case, accents, punctuation or a few small words are
 * the same question. The names ask (METHOD M5) has its own section, so questions that ask for names
 * are left to it.
 */
public final class Questions {

    /** Two questions sharing this share of their words are one question. */
    private static final double SAME_QUESTION = 0.8;
    private static final Set<String> SMALL_WORDS = Set.copyOf(List.of("a", "an", "the", "do", "does", "you", "your", "i", "me", "my", "to", "of",
            "in", "on", "for", "is", "are", "what", "how", "and", "or", "le", "la", "les", "l", "un", "une", "des", "de", "du", "d",
            "vous", "votre", "vos", "je", "j", "m", "mon", "ma", "mes", "est", "sont", "et", "ou", "que", "qu", "quel", "quelle",
            "quels", "quelles", "comment", "en", "au", "aux", "ce", "c", "ca", "il", "elle", "y"));
    private static final Pattern NAMES_ASK = Pattern.compile("\\b(two or three (people|persons|names|contacts)|who else|anyone else|"
            + "someone else|other people (i|to)|people i (could|should) (talk|speak|meet)|whom (else )?(i )?(could|should)|"
            + "deux ou trois (personnes|noms|contacts)|qui d ?autre|quelqu ?un d ?autre|d ?autres personnes|"
            + "(personnes|qui) (me )?(conseilleriez|recommanderiez|suggereriez))\\b");

    private Questions() {
    }

    /** The questions of all lists in order, each once, leaving out the ones that ask for names. */
    @SafeVarargs
    public static List<String> distinct(List<String>... lists) {
        List<String> kept = new ArrayList<>();
        List<Set<String>> keptWords = new ArrayList<>();
        for (List<String> list : lists) {
            for (String question : list == null ? List.<String>of() : list) {
                String q = question == null ? "" : question.strip();
                if (q.isEmpty() || asksForNames(q)) {
                    continue;
                }
                Set<String> words = words(q);
                if (keptWords.stream().noneMatch(other -> same(words, other))) {
                    kept.add(q);
                    keptWords.add(words);
                }
            }
        }
        return List.copyOf(kept);
    }

    /** Whether a question asks for the names of other people to meet (the closing ask of METHOD M5). */
    public static boolean asksForNames(String question) {
        return NAMES_ASK.matcher(fold(question)).find();
    }

    private static boolean same(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.equals(b);
        }
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return (double) common.size() / all.size() >= SAME_QUESTION;
    }

    private static Set<String> words(String question) {
        Set<String> words = new HashSet<>(Arrays.asList(fold(question).split(" ")));
        words.removeAll(SMALL_WORDS);
        words.remove("");
        return words;
    }

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
