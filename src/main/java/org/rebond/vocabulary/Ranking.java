package org.rebond.vocabulary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks a contact's candidates by how much more the contact uses them than the mailbox does, and
 * prefers a phrase to the words inside it when the words mostly occur in it.
 *
 * <p>The score is the weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi
 * and Quinn, 2008): the z-score of the difference between the contact's and the mailbox's log-odds
 * of a term, each smoothed by a prior worth {@value #PRIOR_WORDS} words spread as the mailbox's
 * counts are. It grows with the contact's uses and with how much more often than the mailbox they
 * use a term, and a term the mailbox uses a lot needs far more uses to stand out. (The prior of
 * {@code compose.Keywords}, as large as the whole mailbox, flattens the difference between a term
 * the mailbox uses 50 times and one it never uses; this one keeps it.)
 *
 * <p>A term is shown when it scores at least {@value #MIN_SHARE} of what a term the contact used as
 * often as needed, and nobody else ever used, would: a bar that follows the sizes of both texts.
 */
final class Ranking {

    /** The weight of the prior, in words. */
    static final double PRIOR_WORDS = 1_000;
    /** The share of a term used only by the contact, as often as needed, that a term must score. */
    static final double MIN_SHARE = 0.7;
    /**
     * A mailbox counts as at least this many times the contact's text: a smaller one (a new
     * installation, a mailbox of this contact alone) cannot say what is ordinary, and the words
     * missing are taken as words that do not use the contact's terms.
     */
    static final int MIN_MAILBOX_RATIO = 10;
    /** A phrase replaces a word (or a shorter phrase) used mostly inside it: in at least this share of its uses. */
    static final double COVER = 0.6;

    private Ranking() {
    }

    /**
     * The weighted log-odds z-score of a term used {@code inContact} times by the contact and
     * {@code mailboxCount} times by the mailbox. The contact is compared with the mailbox and the
     * contact together, whether the mailbox was counted with the contact's messages or not (which
     * then count twice, a small bias): so a term the mailbox never used does not get a prior near
     * zero and a variance so large that it would score below a term the mailbox used a few times.
     * A mailbox under {@link #MIN_MAILBOX_RATIO} times the contact's text counts as that large.
     */
    static double score(int inContact, long contactTotal, int mailboxCount, long mailboxTotal) {
        int inMailbox = mailboxCount + inContact;
        long mailboxWords = Math.max(mailboxTotal + contactTotal, MIN_MAILBOX_RATIO * contactTotal);
        double pooled = (inMailbox + 0.01) / Math.max(1.0, (double) mailboxWords);
        double prior = PRIOR_WORDS * pooled;
        double contactOdds = Math.log((inContact + prior) / Math.max(0.5, contactTotal + PRIOR_WORDS - inContact - prior));
        double mailboxOdds = Math.log((inMailbox + prior) / Math.max(0.5, mailboxWords + PRIOR_WORDS - inMailbox - prior));
        double variance = 1.0 / (inContact + prior) + 1.0 / (inMailbox + prior);
        return (contactOdds - mailboxOdds) / Math.sqrt(variance);
    }

    /** The score a term needs: {@link #MIN_SHARE} of that of a term used {@code uses} times by the contact and by nobody else. */
    static double bar(int uses, long contactTotal, long mailboxTotal) {
        return MIN_SHARE * score(uses, contactTotal, 0, mailboxTotal);
    }

    /**
     * The best {@code max} terms among {@code candidates}, already scored: those used at least
     * {@link Candidate#usesNeeded} times that reach {@link #bar}, best first, each word or phrase
     * that a phrase covers replaced by that phrase, and a phrase left out when one of its parts is
     * shown already.
     */
    static List<Candidate> best(Iterable<Candidate> candidates, long contactTotal, long mailboxTotal, int max) {
        List<Candidate> qualified = new ArrayList<>();
        Map<Long, List<Candidate>> phrasesWith = new HashMap<>();
        Map<Integer, Double> bars = new HashMap<>();
        for (Candidate c : candidates) {
            if (c.uses < c.usesNeeded || c.score <= 0) {
                continue;
            }
            if (c.words > 1) {
                for (long part : c.parts) {
                    phrasesWith.computeIfAbsent(part, k -> new ArrayList<>(2)).add(c);
                }
            }
            if (c.score >= bars.computeIfAbsent(c.usesNeeded, n -> bar(n, contactTotal, mailboxTotal))) {
                qualified.add(c);
            }
        }
        qualified.sort(Comparator.comparingDouble((Candidate c) -> -c.score).thenComparingInt(c -> -c.uses)
                .thenComparingInt(c -> c.firstSeen));
        Set<Candidate> chosen = new LinkedHashSet<>();
        Set<Long> chosenKeys = new HashSet<>();
        for (Candidate c : qualified) {
            if (chosen.size() >= max) {
                break;
            }
            Candidate shown = widest(c, phrasesWith);
            if (!chosenKeys.contains(shown.key) && !anyPartChosen(shown, chosenKeys)) {
                chosen.add(shown);
                chosenKeys.add(shown.key);
            }
        }
        return List.copyOf(chosen);
    }

    /**
     * Whether a word or shorter phrase of {@code phrase} is shown already: it was not covered by this
     * phrase (or it would have been replaced by it), so the phrase is mostly that part again.
     */
    private static boolean anyPartChosen(Candidate phrase, Set<Long> chosenKeys) {
        for (long part : phrase.parts) {
            if (chosenKeys.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** The longest phrase that covers {@code c}: used in at least {@link #COVER} of its uses, the most used first. */
    private static Candidate widest(Candidate c, Map<Long, List<Candidate>> phrasesWith) {
        Candidate current = c;
        for (int depth = 0; depth < Phrases.MAX_WORDS; depth++) {
            Candidate cover = null;
            for (Candidate phrase : phrasesWith.getOrDefault(current.key, List.of())) {
                if (phrase.uses >= COVER * current.uses && (cover == null || phrase.uses > cover.uses
                        || phrase.uses == cover.uses && phrase.score > cover.score)) {
                    cover = phrase;
                }
            }
            if (cover == null) {
                break;
            }
            current = cover;
        }
        return current;
    }
}
