package org.rebond.domain.letter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.rebond.domain.DebriefNotes;

/**
 * The sentences of a thank-you written from the user's notes (METHOD M1, M5, M7): each point and
 * lead as a sentence addressed to the contact, in their language; thanks for each name given, by
 * name, with what the user will do; the article; the user's next steps. A note that would make the
 * letter ask for a job is left out and reported, never written.
 *
 * @param learned    what the user learned, a sentence each
 * @param leads      the leads the contact gave, a sentence each
 * @param names      thanks for the names given, and what the user will do with them
 * @param article    the sentence offering the article, or empty
 * @param nextSteps  the user's next steps, a sentence each (only those that say something to do)
 * @param leftOut    the notes left out because they ask for a job, a CV, an opening or a recommendation
 */
public record ThankYouLetter(List<String> learned, List<String> leads, List<String> names, String article, List<String> nextSteps,
                             List<String> leftOut) {

    /** At most this many next steps are told in a thank-you: the rest is for the updates. */
    private static final int NEXT_STEPS_TOLD = 2;

    public ThankYouLetter {
        learned = List.copyOf(learned);
        leads = List.copyOf(leads);
        names = List.copyOf(names);
        nextSteps = List.copyOf(nextSteps);
        leftOut = List.copyOf(leftOut);
    }

    /**
     * @param notes         the user's notes
     * @param language      the contact's language (English unless French)
     * @param ordinaryWord  whether a word (lower case) is an ordinary word rather than a name, so a
     *                      note's first letter can be put in lower case inside a sentence
     * @param asksForAJob   whether one note would make the letter ask for a job (M1)
     */
    public static ThankYouLetter write(DebriefNotes notes, Locale language, Predicate<String> ordinaryWord, Predicate<String> asksForAJob) {
        boolean french = "fr".equals(language.getLanguage());
        List<String> leftOut = new ArrayList<>();
        List<String> learned = new ArrayList<>();
        // Each kind of sentence counts its own turns: the first of a kind opens, the next ones say "also".
        java.util.Map<String, Integer> turns = new java.util.HashMap<>();
        for (String point : notes.points()) {
            if (asksForAJob.test(point)) {
                leftOut.add(point);
                continue;
            }
            // "I need more SQL" among the points is what the user understood, not advice to follow.
            boolean own = french ? FrenchNotes.aboutTheUser(point) : EnglishNotes.aboutTheUser(point);
            NoteShape shape = own ? new NoteShape(NoteShape.Kind.REALISATION,
                    french ? Casing.inside(EnglishNotes.tidy(point), w -> true) : EnglishNotes.tidy(point)) : shape(point, french, ordinaryWord);
            int nth = turns.merge("learned " + shape.kind(), 1, Integer::sum) - 1;
            learned.add(french ? FrenchNotes.learned(shape, nth) : EnglishNotes.learned(shape, nth));
        }
        List<String> leads = new ArrayList<>();
        for (String lead : notes.leads()) {
            if (asksForAJob.test(lead)) {
                leftOut.add(lead);
                continue;
            }
            NoteShape shape = shape(lead, french, ordinaryWord);
            int kindTurn = turns.merge("lead " + shape.kind(), 1, Integer::sum) - 1;
            // A lead after a lead of another kind says "also" too.
            int nth = kindTurn > 0 ? kindTurn : leads.isEmpty() ? 0 : 1;
            leads.add(french ? FrenchNotes.lead(shape, nth) : EnglishNotes.lead(shape, nth));
        }
        List<String> nextSteps = new ArrayList<>();
        for (String step : notes.nextSteps()) {
            if (asksForAJob.test(step)) {
                leftOut.add(step);
                continue;
            }
            if (nextSteps.size() < NEXT_STEPS_TOLD) {
                NoteShape shape = shape(step, french, ordinaryWord);
                String sentence = french ? FrenchNotes.nextStep(shape, nextSteps.size()) : EnglishNotes.nextStep(shape, nextSteps.size());
                if (!sentence.isEmpty()) {
                    nextSteps.add(sentence);
                }
            }
        }
        String article = notes.article().isBlank() ? "" : french
                ? "Cet article m'a fait penser à notre échange ; il devrait vous intéresser : " + notes.article().strip()
                : "I came across this article after we spoke and thought of you: " + notes.article().strip();
        return new ThankYouLetter(learned, leads, NameThanks.sentences(notes.names(), french), article, nextSteps, leftOut);
    }

    private static NoteShape shape(String note, boolean french, Predicate<String> ordinaryWord) {
        return french ? FrenchNotes.shape(note, ordinaryWord) : EnglishNotes.shape(note, ordinaryWord);
    }

    /** Whether the notes gave anything to write about. */
    public boolean isEmpty() {
        return learned.isEmpty() && leads.isEmpty() && names.isEmpty() && article.isEmpty() && nextSteps.isEmpty();
    }
}
