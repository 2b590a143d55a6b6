package org.rebond.domain.letter;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an English note line for what it says (something to do, something that is so, a topic) and
 * turns the contact from "she"/"he" into "you", so that the line can sit in a sentence addressed to them.
 */
final class EnglishNotes {

    /** "She said that", "he explained", "according to her": what follows is a statement. */
    private static final Pattern SAID = Pattern.compile("(?i)^(?:(?:she|he|they)\\s+(?:said|says|told me|explained|explains|mentioned|"
            + "thinks|believes|feels|pointed out|points out|stressed|insisted|noted|warned(?: me)?|confirmed|reckons|sees)"
            + "(?:\\s+that)?|according to (?:her|him|them)\\s*,?)\\s+(.+)$");
    /** "She suggested I read", "he advised me to join", "they recommend": what follows is something to do. */
    private static final Pattern ADVISED = Pattern.compile("(?i)^(?:(?:she|he|they)\\s+(?:(?:suggested|suggests|advised|advises|recommended|"
            + "recommends|encouraged|encourages|urged|invited)(?:\\s+(?:me\\s+to|that\\s+i(?:\\s+should)?|i(?:\\s+should)?|to))?"
            + "|told\\s+me\\s+to)|i\\s+(?:should|must|will|need\\s+to|ought\\s+to|could|might)|i'll|to|try\\s+to)\\s+(.+)$");
    private static final Pattern STARTS_WITH_PRONOUN = Pattern.compile("(?i)^(she|he|they)\\s+(\\S+)(.*)$");
    private static final Pattern STARTS_WITH_POSSESSIVE = Pattern.compile("(?i)^(her|his|their)\\s+(.+)$");
    private static final Pattern CONTRACTED = Pattern.compile("(?i)^(?:she|he)['’]s\\s+(\\S+)(.*)$");
    private static final Set<String> PARTICIPLES = Set.of("been", "done", "seen", "gone", "known", "taken", "given", "written", "built",
            "led", "run", "got", "made", "had", "spent", "left", "held", "become", "grown", "begun", "chosen", "found", "taught");
    private static final Pattern SELF = Pattern.compile("(?i)^(?:i|i'm|i've|i'd|my|we|we're)\\b.*");

    private static final Set<String> ACTION_VERBS = Set.of("read", "contact", "join", "look", "check", "attend", "ask", "call", "write",
            "email", "meet", "visit", "follow", "learn", "take", "try", "watch", "listen", "register", "sign", "talk", "speak", "reach",
            "explore", "apply", "enquire", "inquire", "follow up", "share", "send", "thank", "introduce", "study", "review", "update", "rewrite", "prepare", "practise", "practice", "get", "go", "find", "build", "start",
            "consider", "research", "search", "browse", "subscribe", "enrol", "enroll", "complete", "finish", "improve", "focus", "work",
            "connect", "message", "present", "draft", "list", "map", "compare", "note", "keep", "see", "use", "install", "test", "read up");
    private static final Set<String> FINITE = Set.of("is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
            "should", "must", "might", "may", "does", "do", "did", "isn't", "aren't", "wasn't", "weren't", "won't", "can't", "don't",
            "doesn't", "didn't", "shouldn't", "hasn't", "haven't", "need", "needs", "uses", "hires", "wants", "takes", "helps", "works",
            "looks", "matters", "require", "requires", "expects", "prefers", "recruits", "pays", "values", "lacks", "makes", "gets", "goes",
            "comes", "depends", "counts", "grows", "moves", "changes", "means", "remains", "seems", "tends", "starts", "runs", "leads",
            "involves", "includes", "offers", "gives", "asks", "rely", "relies", "focus", "focuses", "spend", "spends", "hire", "use",
            "want", "prefer", "expect", "look", "count", "grow", "seem", "tend", "value", "lack", "pay", "work", "move", "change",
            "mean", "remain", "exist", "exists", "happens", "happen", "sits", "report", "reports", "belong", "belongs");
    /** Third-person forms the pronoun "you" changes. */
    private static final java.util.Map<String, String> TO_YOU = java.util.Map.ofEntries(
            java.util.Map.entry("is", "are"), java.util.Map.entry("was", "were"), java.util.Map.entry("has", "have"),
            java.util.Map.entry("does", "do"), java.util.Map.entry("isn't", "aren't"), java.util.Map.entry("wasn't", "weren't"),
            java.util.Map.entry("hasn't", "haven't"), java.util.Map.entry("doesn't", "don't"));
    private static final Set<String> UNCHANGED_AFTER_YOU = Set.of("will", "would", "can", "could", "should", "must", "might", "may",
            "won't", "can't", "couldn't", "wouldn't", "shouldn't", "had", "hadn't", "did", "didn't", "used", "also", "just", "never",
            "always", "often", "still", "only", "really", "already");
    static final Set<String> GRAMMAR_WORDS = Set.of("the", "a", "an", "this", "that", "these", "those", "some", "any", "each", "every",
            "several", "many", "most", "more", "few", "all", "both", "no", "how", "what", "why", "when", "where", "who", "which", "there",
            "it", "its", "in", "on", "at", "for", "with", "about", "from", "to", "of", "by", "as", "if", "one", "two", "three", "other",
            "another", "such", "you", "your", "her", "his", "their", "they", "she", "he", "we", "our", "i", "my");

    private EnglishNotes() {
    }

    /** A line of the user's about themselves ("I need more SQL"), kept as what they understood. */
    static boolean aboutTheUser(String line) {
        return SELF.matcher(tidy(line)).matches();
    }

    static NoteShape shape(String line, Predicate<String> ordinaryWord) {
        String text = tidy(line);
        if (text.isEmpty()) {
            return new NoteShape(NoteShape.Kind.UNSURE, "");
        }
        Predicate<String> ordinary = w -> GRAMMAR_WORDS.contains(w) || ACTION_VERBS.contains(w) || FINITE.contains(w) || ordinaryWord.test(w);
        Matcher advised = ADVISED.matcher(text);
        if (advised.matches()) {
            return action(advised.group(1), ordinary);
        }
        Matcher said = SAID.matcher(text);
        if (said.matches()) {
            Matcher advisedAfter = ADVISED.matcher(said.group(1));
            return advisedAfter.matches() ? action(advisedAfter.group(1), ordinary) : statement(said.group(1), ordinary);
        }
        String first = firstWord(text);
        if (ACTION_VERBS.contains(first)) {
            return action(text, ordinary);
        }
        if (first.endsWith("ing") && first.length() > 5 && !GRAMMAR_WORDS.contains(first)) {
            return new NoteShape(NoteShape.Kind.ONGOING_ACTION, Casing.inside(text, w -> true));
        }
        return statement(text, ordinary);
    }

    private static NoteShape action(String rest, Predicate<String> ordinary) {
        String body = rest.strip().replaceFirst("(?i)^to\\s+", "");
        String first = firstWord(body);
        if (first.endsWith("ing") && first.length() > 5) {
            return new NoteShape(NoteShape.Kind.ONGOING_ACTION, Casing.inside(body, w -> true));
        }
        if (!ACTION_VERBS.contains(first) && (GRAMMAR_WORDS.contains(first) || Character.isUpperCase(body.codePointAt(0)))) {
            // "she suggested the HIMSS conference": a subject to look into, not a verb.
            return new NoteShape(NoteShape.Kind.TOPIC, Casing.inside(body, ordinary));
        }
        return new NoteShape(NoteShape.Kind.ACTION, Casing.inside(toSecondPerson(body), w -> true));
    }

    private static final Pattern HIM_OR_HIS = Pattern.compile("\\b(?:him|his)\\b");
    private static final Pattern HER = Pattern.compile("\\bher\\b(\\s+(\\p{L}+))?");
    private static final Set<String> AFTER_OBJECT_HER = Set.of("for", "my", "a", "an", "the", "about", "when", "if", "to", "on", "in", "at",
            "and", "or", "some", "this", "that", "what", "how", "again", "back", "know", "up");

    /** "ask her for the slides" → "ask you for the slides", "read his blog" → "read your blog": the contact is the reader. */
    static String toSecondPerson(String text) {
        String out = HIM_OR_HIS.matcher(text).replaceAll(m -> m.group().equals("him") ? "you" : "your");
        Matcher her = HER.matcher(out);
        StringBuilder sb = new StringBuilder();
        while (her.find()) {
            String next = her.group(2) == null ? "" : her.group(2).toLowerCase(Locale.ROOT);
            boolean object = next.isEmpty() || AFTER_OBJECT_HER.contains(next);
            her.appendReplacement(sb, Matcher.quoteReplacement((object ? "you" : "your") + (her.group(1) == null ? "" : her.group(1))));
        }
        her.appendTail(sb);
        return sb.toString();
    }

    private static NoteShape statement(String text, Predicate<String> ordinary) {
        if (SELF.matcher(text).matches()) {
            return new NoteShape(NoteShape.Kind.REALISATION, text.startsWith("I ") || text.startsWith("I'") ? text : Casing.inside(text, ordinary));
        }
        Matcher contracted = CONTRACTED.matcher(text);
        if (contracted.matches()) {
            String next = contracted.group(1).toLowerCase(Locale.ROOT);
            boolean perfect = next.endsWith("ed") || PARTICIPLES.contains(next);
            text = (perfect ? "you've " : "you're ") + next + contracted.group(2);
            return new NoteShape(NoteShape.Kind.STATEMENT, toSecondPerson(text));
        }
        Matcher pronoun = STARTS_WITH_PRONOUN.matcher(text);
        if (pronoun.matches()) {
            String who = pronoun.group(1).toLowerCase(Locale.ROOT);
            String verb = pronoun.group(2);
            String youVerb = who.equals("they") ? verb : toYou(verb);
            if (youVerb == null) {
                return new NoteShape(NoteShape.Kind.UNSURE, text);
            }
            return new NoteShape(NoteShape.Kind.STATEMENT, (who.equals("they") ? "they " : "you ") + youVerb + toSecondPerson(pronoun.group(3)));
        }
        Matcher possessive = STARTS_WITH_POSSESSIVE.matcher(text);
        if (possessive.matches() && !possessive.group(1).equalsIgnoreCase("their")) {
            text = "your " + possessive.group(2);
        }
        if (hasFiniteVerb(text)) {
            return new NoteShape(NoteShape.Kind.STATEMENT, Casing.inside(text, ordinary));
        }
        return new NoteShape(NoteShape.Kind.TOPIC, Casing.inside(text, ordinary));
    }

    /** The verb after "you" for the verb written after "she"/"he"; null when it cannot be told. */
    static String toYou(String verb) {
        String lower = verb.toLowerCase(Locale.ROOT);
        if (TO_YOU.containsKey(lower)) {
            return TO_YOU.get(lower);
        }
        if (UNCHANGED_AFTER_YOU.contains(lower) || lower.endsWith("ed")) {
            return lower;
        }
        if (lower.contains("'")) {
            return null;  // "she's": is or has
        }
        if (lower.endsWith("ies") && lower.length() > 4) {
            return lower.substring(0, lower.length() - 3) + "y";
        }
        if (lower.matches(".*(?:ches|shes|sses|xes|zes|oes)$")) {
            return lower.substring(0, lower.length() - 2);
        }
        if (lower.endsWith("s") && !lower.endsWith("ss") && lower.length() > 2) {
            return lower.substring(0, lower.length() - 1);
        }
        return null;
    }

    private static boolean hasFiniteVerb(String text) {
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
            if (FINITE.contains(word)) {
                return true;
            }
        }
        return false;
    }

    static String firstWord(String text) {
        String[] words = text.strip().split("[^\\p{L}']+", 2);
        return words.length == 0 ? "" : words[0].toLowerCase(Locale.ROOT);
    }

    /** Without the bullet's end punctuation and surrounding spaces. */
    static String tidy(String line) {
        return line == null ? "" : line.strip().replaceAll("\\s+", " ").replaceAll("[\\s.;,!]+$", "");
    }

    // ---- Sentences ----

    private static final List<String> LEARNED_STATEMENT = List.of("You explained that %s.", "You also made the point that %s.",
            "I have also kept in mind that %s.", "And I took note that %s.");
    private static final List<String> LEARNED_TOPIC = List.of("What you told me about %s was especially useful.",
            "I also appreciated what you said about %s.", "Your view on %s gave me a lot to think about.");
    private static final List<String> LEARNED_REALISATION = List.of("Our conversation made me realise that %s.", "I also realised that %s.");
    private static final List<String> LEAD_ACTION = List.of("As you suggested, I will %s.", "I will also %s.", "And I will %s.");
    private static final List<String> LEAD_ONGOING = List.of("As you recommended, I will look into %s.", "I will also look into %s.",
            "And I will look into %s.");
    private static final List<String> LEAD_TOPIC = List.of("I will look into %s, as you suggested.", "I will also look into %s.",
            "And I will find out more about %s.");
    private static final List<String> LEAD_STATEMENT = List.of("You also pointed out that %s; I will follow that up.",
            "And you mentioned that %s; I will look into it.");
    private static final List<String> NEXT_ACTION = List.of("Next, I plan to %s.", "I also plan to %s.");
    private static final List<String> NEXT_ONGOING = List.of("Next, I plan to look into %s.", "I also plan to look into %s.");

    /** The sentence for a note of the points learned; {@code nth} (from 0) varies the wording. */
    static String learned(NoteShape note, int nth) {
        return switch (note.kind()) {
            case STATEMENT -> pick(LEARNED_STATEMENT, nth, note.body());
            case REALISATION -> pick(LEARNED_REALISATION, nth, note.body());
            case TOPIC -> pick(LEARNED_TOPIC, nth, note.body());
            case ACTION -> pick(LEAD_ACTION, nth, note.body());
            case ONGOING_ACTION -> pick(LEAD_ONGOING, nth, note.body());
            case UNSURE -> "[[ say in your words, to them: " + note.body() + " ]]";
        };
    }

    /** The sentence for a lead the contact gave. */
    static String lead(NoteShape note, int nth) {
        return switch (note.kind()) {
            case ACTION -> pick(LEAD_ACTION, nth, note.body());
            case ONGOING_ACTION -> pick(LEAD_ONGOING, nth, note.body());
            case TOPIC -> pick(LEAD_TOPIC, nth, note.body());
            case STATEMENT, REALISATION -> pick(LEAD_STATEMENT, nth, note.body());
            case UNSURE -> "[[ say in your words, to them: " + note.body() + " ]]";
        };
    }

    /** The sentence for a next step of the user's, or empty when the note is not something to do. */
    static String nextStep(NoteShape note, int nth) {
        return switch (note.kind()) {
            case ACTION -> pick(NEXT_ACTION, nth, note.body());
            case ONGOING_ACTION -> pick(NEXT_ONGOING, nth, note.body());
            default -> "";
        };
    }

    static String pick(List<String> patterns, int nth, String body) {
        // The first wording opens; the others take turns after it, so that no two neighbours read alike.
        int index = nth < patterns.size() ? nth : 1 + (nth - 1) % (patterns.size() - 1 == 0 ? 1 : patterns.size() - 1);
        return String.format(Locale.ROOT, patterns.get(Math.min(index, patterns.size() - 1)), body);
    }
}
