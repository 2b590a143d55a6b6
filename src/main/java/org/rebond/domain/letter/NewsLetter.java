package org.rebond.domain.letter;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.rebond.domain.ObjectiveSentence;

/**
 * The sentences of a keeping-you-posted message (METHOD M7, M5, M1), in the contact's language,
 * shaped like the thank-you's ({@link ThankYouLetter}): the people met thanks to the contact and,
 * in turn, thanks to those, with names and dates ("I met Julie Bernard on 12 January, whom you
 * suggested; Julie in turn put me in touch with Paul Roy, whom I met on 3 February."); the steps
 * the user took or set; the articles found since; where the user stands towards their objective.
 * A step that would ask for a job is left out and reported, never written.
 *
 * @param meetings  one sentence per person met thanks to the contact, with the chain that followed
 * @param steps     the user's steps, a sentence each
 * @param articles  the articles, a sentence each
 * @param standing  where the user stands: their objective and the interviews held so far
 * @param leftOut   the steps left out because they ask for a job
 */
public record NewsLetter(List<String> meetings, List<String> steps, List<String> articles, String standing, List<String> leftOut) {

    public NewsLetter {
        meetings = List.copyOf(meetings);
        steps = List.copyOf(steps);
        articles = List.copyOf(articles);
        leftOut = List.copyOf(leftOut);
    }

    /**
     * @param news         what is new for the contact (see {@link News#without})
     * @param objective    the user's objective as they wrote it ({@code profile.objective}), or empty
     * @param held         how many information interviews the user has held so far
     * @param language     the contact's language (English unless French)
     * @param ordinaryWord whether a word (lower case) is an ordinary word rather than a name
     * @param asksForAJob  whether a step would make the letter ask for a job (M1)
     */
    public static NewsLetter write(News news, String objective, int held, Locale language, Predicate<String> ordinaryWord,
                                   Predicate<String> asksForAJob) {
        boolean french = "fr".equals(language.getLanguage());
        List<String> meetings = new ArrayList<>();
        for (News.Meeting met : news.meetings()) {
            meetings.add(meeting(met, french));
        }
        List<String> steps = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        int plans = 0;
        int milestones = 0;
        for (News.Step step : news.steps()) {
            if (asksForAJob.test(step.text())) {
                leftOut.add(step.text());
                continue;
            }
            String sentence = switch (step.kind()) {
                case MILESTONE -> milestone(step, milestones++, french, ordinaryWord);
                case PLAN -> plan(step.text(), plans++, french, ordinaryWord);
                case PLAN_AFTER -> planAfter(step, french, ordinaryWord);
            };
            if (!sentence.isEmpty()) {
                steps.add(sentence);
            }
        }
        List<String> articles = news.articles().stream().map(a -> french
                ? firstName(a.from()) + " m'a aussi signalé un article qui pourrait vous intéresser : " + a.url().strip()
                : firstName(a.from()) + " also pointed me to an article you may find interesting: " + a.url().strip()).toList();
        return new NewsLetter(meetings, steps, articles, standing(objective, held, language, french), leftOut);
    }

    /** Whether there is anything to tell but the standing. */
    public boolean isEmpty() {
        return meetings.isEmpty() && steps.isEmpty() && articles.isEmpty();
    }

    private static String meeting(News.Meeting met, boolean french) {
        StringBuilder s = new StringBuilder();
        if (!met.told()) {
            s.append(french ? "J'ai rencontré " + met.name() + " " + day(met.day(), true) + (met.introduced()
                    ? ", grâce à votre mise en relation" : ", comme vous me l'aviez suggéré")
                    : met.introduced() ? "Thanks to your introduction, I met " + met.name() + " " + day(met.day(), false)
                    : "I met " + met.name() + ", whom you suggested, " + day(met.day(), false));
        }
        chain(met, s, french);
        if (met.told()) {
            // The contact knows this meeting already: only what came of it is news.
            String rest = s.toString().replaceFirst("^; ", "");
            s = new StringBuilder(french ? "Depuis mon dernier message, " + rest : "Since my last message, " + rest);
        }
        return s.append('.').toString();
    }

    /** The meetings that followed {@code met}, each as a clause: "; Julie in turn put me in touch with Paul Roy, whom I met on 3 February". */
    private static void chain(News.Meeting met, StringBuilder s, boolean french) {
        String who = firstName(met.name());
        for (News.Meeting next : met.next()) {
            if (!next.told()) {
                String sep = s.isEmpty() ? "" : "; ";
                if (french) {
                    s.append(sep.isEmpty() ? "" : " ; ").append("à son tour, ").append(who)
                            .append(next.introduced() ? " m'a fait rencontrer " : " m'a conseillé de voir ").append(next.name())
                            .append(", avec qui j'ai échangé ").append(day(next.day(), true));
                } else {
                    s.append(sep).append(who).append(next.introduced() ? " in turn put me in touch with " : " in turn suggested I talk to ")
                            .append(next.name()).append(", whom I met ").append(day(next.day(), false));
                }
            }
            chain(next, s, french);
        }
    }

    /** English verbs in the past that do not end in -ed. */
    private static final java.util.Set<String> PAST = java.util.Set.of("went", "met", "took", "gave", "wrote", "began", "got", "made",
            "sent", "saw", "spoke", "found", "had", "did", "ran", "built", "led", "left", "bought", "brought", "came", "became",
            "kept", "told", "won", "heard", "sat", "taught", "spent", "held", "chose");

    private static String milestone(News.Step step, int nth, boolean french, Predicate<String> ordinaryWord) {
        String text = EnglishNotes.tidy(step.text());
        if (text.isEmpty()) {
            return "";
        }
        boolean own = french ? FrenchNotes.aboutTheUser(text) : EnglishNotes.aboutTheUser(text);
        if (own) {
            return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
        }
        String first = EnglishNotes.firstWord(text);
        if (!french && (first.endsWith("ed") || PAST.contains(first))) {
            // "Went to the meetup": the user's own past, said in a full sentence.
            String when = day(step.day(), false);
            return (nth == 0 ? Character.toUpperCase(when.charAt(0)) + when.substring(1) : "Then, " + when) + ", I "
                    + Character.toLowerCase(text.charAt(0)) + text.substring(1) + ".";
        }
        String body = Casing.inside(text, w -> ordinaryWord.test(w) || EnglishNotes.GRAMMAR_WORDS.contains(w)
                || FrenchNotes.GRAMMAR_WORDS.contains(w) || w.endsWith("ed") || w.endsWith("é") || w.endsWith("i"));
        String when = day(step.day(), french);
        if (french) {
            return (nth == 0 ? "Une étape franchie " : "Autre étape, ") + when + " : " + body + ".";
        }
        return (nth == 0 ? "One step I took, " : "Another step, ") + when + ": " + body + ".";
    }

    private static String plan(String note, int nth, boolean french, Predicate<String> ordinaryWord) {
        NoteShape shape = french ? FrenchNotes.shape(note, ordinaryWord) : EnglishNotes.shape(note, ordinaryWord);
        // The thank-you told the first next steps with "Next, I plan to …": these come after them.
        return french ? FrenchNotes.nextStep(shape, nth + 1) : EnglishNotes.nextStep(shape, nth + 1);
    }

    private static String planAfter(News.Step step, boolean french, Predicate<String> ordinaryWord) {
        String text = EnglishNotes.tidy(step.text()).replaceFirst("(?i)^to\\s+", "");
        if (text.isEmpty()) {
            return "";
        }
        String body = Casing.inside(text, w -> ordinaryWord.test(w) || EnglishNotes.GRAMMAR_WORDS.contains(w)
                || FrenchNotes.GRAMMAR_WORDS.contains(w));
        String who = firstName(step.after());
        return french ? "Après mon échange avec " + who + ", prochaine étape : " + body + "."
                : "After meeting " + who + ", my next step: " + body + ".";
    }

    private static String standing(String objective, int held, Locale language, boolean french) {
        String goal = ObjectiveSentence.of(objective, language);
        String count;
        if (french) {
            count = held <= 1 ? "J'ai mené un premier entretien d'information, le nôtre."
                    : "J'ai mené " + held + " entretiens d'information jusqu'ici.";
            return goal.isEmpty() ? count : "Mon objectif reste le même. " + goal + " " + count;
        }
        count = held <= 1 ? "Ours was my first information interview." : "So far I have held " + held + " information interviews.";
        return goal.isEmpty() ? count : "My goal is still the same. " + goal + " " + count;
    }

    /** "on 12 January", "le 1er février". */
    static String day(LocalDate day, boolean french) {
        if (day == null) {
            return "";
        }
        if (french) {
            String date = day.getDayOfMonth() == 1 ? "1er " + DateTimeFormatter.ofPattern("MMMM", Locale.FRENCH).format(day)
                    : DateTimeFormatter.ofPattern("d MMMM", Locale.FRENCH).format(day);
            return "le " + date;
        }
        return "on " + DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH).format(day);
    }

    private static String firstName(String name) {
        String[] words = name.strip().split("\\s+");
        return words.length > 1 && words[0].length() > 1 && !words[0].endsWith(".") ? words[0] : name.strip();
    }
}
