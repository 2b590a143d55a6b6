package org.rebond.compose;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds a contact's keywords (METHOD M3): the words that stand out in their messages compared with the
 * whole mailbox, so the user can prepare with the contact's own vocabulary.
 *
 * <p>Words are lower-cased and stripped of accents; only words of four letters or more count, and
 * numbers, e-mail addresses, URLs and common French and English words are left out. Each word gets a
 * weighted log-odds score (Monroe, Colaresi and Quinn's "informative Dirichlet prior", with the mailbox
 * as the prior): positive and large when the contact uses it much more often than the mailbox does.
 */
public final class Keywords {

    private static final int MIN_LETTERS = 4;
    private static final int MAX_WORD_LETTERS = 30;
    private static final int MAX_TEXT_CHARS = 100_000;
    /** A contact who wrote little gets words used once; otherwise a word must come back. */
    private static final int FEW_WORDS = 300;

    private static final Pattern URL = Pattern.compile("(?:https?://|www\\.)\\S+", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("\\S+@\\S+");
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern LETTERS_ONLY = Pattern.compile("\\p{L}+");

    private static final Set<String> STOP_WORDS = Set.copyOf(List.of(
            // English
            "about", "above", "after", "again", "against", "also", "although", "always", "another", "anything",
            "around", "away", "back", "because", "been", "before", "being", "below", "best", "better", "between",
            "both", "came", "cannot", "come", "could", "does", "doing", "done", "down", "during", "each", "even",
            "ever", "every", "find", "first", "following", "from", "further", "gets", "give", "given", "goes",
            "going", "good", "great", "have", "having", "hello", "here", "hers", "herself", "himself", "hope",
            "however", "into", "itself", "just", "keep", "know", "last", "least", "less", "like", "look",
            "looking", "made", "make", "many", "might", "more", "most", "much", "must", "myself", "need", "never",
            "next", "nice", "note", "once", "only", "other", "others", "ours", "ourselves", "over", "please",
            "really", "regards", "same", "says", "seen", "sent", "shall", "should", "since", "some", "something",
            "soon", "still", "such", "sure", "take", "than", "thank", "thanks", "that", "their", "theirs", "them",
            "themselves", "then", "there", "these", "they", "thing", "things", "think", "this", "those", "though",
            "through", "time", "today", "tomorrow", "under", "until", "very", "want", "week", "well", "went",
            "were", "what", "when", "where", "whether", "which", "while", "whom", "whose", "will", "wish", "with",
            "within", "without", "would", "wrote", "year", "years", "your", "yours", "yourself", "yourselves",
            "dear", "best", "kind", "cheers", "meeting", "call", "email", "mail", "message", "sent", "subject",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "june", "july", "august", "september", "october",
            "november", "december",
            // French (accents already removed)
            "alors", "aller", "apres", "assez", "aucun", "aucune", "aupres", "aussi", "autre", "autres", "avant",
            "avec", "avez", "avoir", "avons", "beaucoup", "bien", "bonjour", "bonne", "bonsoir", "cela", "celle",
            "celles", "celui", "cependant", "certain", "certaine", "certains", "cette", "ceux", "chacun", "chaque",
            "chez", "comme", "comment", "dans", "depuis", "devant", "doit", "donc", "dont", "elle", "elles",
            "encore", "entre", "envoye", "etaient", "etait", "etant", "etes", "etre", "faire", "fait", "faut",
            "fois", "grace", "ici", "jamais", "jour", "jours", "juste", "leur", "leurs", "lors", "lorsque",
            "mais", "meme", "memes", "merci", "message", "mien", "moins", "mois", "notre", "nous", "nouveau",
            "objet", "parce", "parfois", "parmi", "pendant", "peut", "peuvent", "plus", "plusieurs", "pour",
            "pourquoi", "pourrait", "pouvez", "prochain", "puis", "quand", "quelle", "quelles", "quelque",
            "quelques", "quels", "quel", "qui", "quoi", "rien", "sans", "sera", "serait", "seront", "seulement",
            "sien", "sont", "suis", "sur", "tandis", "tant", "tous", "tout", "toute", "toutes", "tres", "trop",
            "vers", "voici", "voila", "votre", "vous", "vraiment", "cordialement", "salutations", "bonne",
            "semaine", "demain", "hier", "aujourd", "rendez", "reunion", "courriel",
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "janvier", "fevrier",
            "mars", "avril", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"));

    /**
     * @param contactTexts the contact's messages (bodies and subjects)
     * @param allTexts     the mailbox's messages, the contact's included or not
     * @param max          how many keywords at most
     * @return the most distinctive words, best first; ties in alphabetical order
     */
    public List<String> distinctive(List<String> contactTexts, List<String> allTexts, int max) {
        return distinctive(contactTexts, background(allTexts), max);
    }

    /** The words of the mailbox's messages, counted once and compared with each contact's. */
    public record Background(Map<String, Integer> counts, long total) {}

    /** Counts the words of the mailbox's messages (the costly half of {@link #distinctive}). */
    public Background background(List<String> allTexts) {
        Map<String, Integer> counts = counts(allTexts == null ? List.of() : allTexts);
        return new Background(Map.copyOf(counts), total(counts));
    }

    /** As {@link #distinctive(List, List, int)}, against words of the mailbox counted earlier. */
    public List<String> distinctive(List<String> contactTexts, Background background, int max) {
        if (max <= 0 || contactTexts == null || contactTexts.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> contact = counts(contactTexts);
        Map<String, Integer> mailbox = background.counts();
        long contactTotal = total(contact);
        long mailboxTotal = background.total();
        if (contactTotal == 0) {
            return List.of();
        }
        int minCount = contactTotal < FEW_WORDS ? 1 : 2;

        // Prior: the pooled counts, so a word the mailbox uses a lot needs much more evidence.
        Map<String, Integer> pooled = new HashMap<>(mailbox);
        contact.forEach((word, n) -> pooled.merge(word, n, Integer::sum));
        double priorTotal = (double) contactTotal + mailboxTotal;

        record Scored(String word, double score) { }
        List<Scored> scored = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : contact.entrySet()) {
            int inContact = entry.getValue();
            if (inContact < minCount) {
                continue;
            }
            String word = entry.getKey();
            int inMailbox = mailbox.getOrDefault(word, 0);
            double prior = pooled.get(word) + 0.01;
            double contactOdds = Math.log((inContact + prior) / (contactTotal + priorTotal - inContact - prior));
            double mailboxOdds = Math.log((inMailbox + prior) / (mailboxTotal + priorTotal - inMailbox - prior));
            double variance = 1.0 / (inContact + prior) + 1.0 / (inMailbox + prior);
            double z = (contactOdds - mailboxOdds) / Math.sqrt(variance);
            if (z > 0) {
                scored.add(new Scored(word, z));
            }
        }
        scored.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score()) : a.word().compareTo(b.word()));
        return scored.stream().limit(max).map(Scored::word).toList();
    }

    private static Map<String, Integer> counts(List<String> texts) {
        Map<String, Integer> counts = new HashMap<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            for (String word : words(text)) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        return counts;
    }

    static List<String> words(String text) {
        String limited = text.length() > MAX_TEXT_CHARS ? text.substring(0, MAX_TEXT_CHARS) : text;
        String withoutLinks = EMAIL.matcher(URL.matcher(limited).replaceAll(" ")).replaceAll(" ");
        String folded = Normalizer.normalize(withoutLinks, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String token : WORD_SEPARATORS.split(folded)) {
            int letters = token.codePointCount(0, token.length()); // letters, not UTF-16 units (a CJK letter outside the BMP is one)
            if (letters >= MIN_LETTERS && letters <= MAX_WORD_LETTERS
                    && LETTERS_ONLY.matcher(token).matches() && !STOP_WORDS.contains(token)) {
                words.add(token);
            }
        }
        return words;
    }

    private static long total(Map<String, Integer> counts) {
        long total = 0;
        for (int n : counts.values()) {
            total += n;
        }
        return total;
    }
}
