package org.rebond.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * METHOD M1, "ask for information, never for a job", applied to what the user wrote: finds where a
 * note item would make the thank-you ask the contact for a job, for a CV to be passed on, about
 * openings, or for a recommendation for a post.
 *
 * <p>The rule is about the user <em>asking</em>: a verb of asking, sending or offering with its
 * object ("forward my CV", "ask if they are hiring", "lui demander s'il y a un poste", "qu'elle me
 * recommande pour le poste"), or an explicit request form ("are you hiring?", "recrutez-vous ?").
 * Single words are not enough: "she told me about job boards", "how to write a CV for this field",
 * "les postes de data engineer demandent du SQL" are information and pass. An ask preceded closely
 * by a negation ("never ask for a job", "je ne vais pas lui envoyer mon CV") is not one.
 *
 * <p>Both languages are always looked for, since notes often mix them; {@code language} is the
 * language of the {@linkplain Ask#reason() reason} given to the user. Pure and stateless: no
 * input is changed, nothing is kept.
 */
public final class JobAsk {

    /** What the item would ask for. */
    public enum Kind {
        /** A job, a post, an internship for the user ("ask for a job in his team", "lui demander un poste"). */
        JOB,
        /** The user's CV sent, passed on or attached ("forward my CV", "lui envoyer mon CV"). */
        CV,
        /** Whether there are openings, whether the team hires ("are you hiring?", "s'il y a un poste"). */
        OPENING,
        /** A recommendation or a referral for a post ("refer me for the role", "qu'elle me recommande pour le poste"). */
        RECOMMENDATION
    }

    /**
     * One ask found in an item.
     *
     * @param kind   what it asks for
     * @param phrase the words of the item that ask, exactly as the user wrote them (one line)
     * @param reason why it may hurt, one sentence without a final period, in the requested language
     */
    public record Ask(Kind kind, String phrase, String reason) {}

    /** Longer input is cut here (the notes of one interview are far shorter). */
    private static final int MAX_INPUT_CHARS = 200_000;

    private static final String GAP2 = "(?:\\S+\\s+){0,2}?";
    private static final String GAP3 = "(?:\\S+\\s+){0,3}?";
    private static final String GAP4 = "(?:\\S+\\s+){0,4}?";
    private static final String EN_ASK = "\\bask(?:s|ed|ing)?\\s+";
    private static final String FR_ASK = "(?:\\b(?:lui|leur|vous)\\s+demand\\w*|\\bdemand(?:er|erai|erais|e-lui|ez-lui|e-leur|ez-leur))\\s+";
    private static final String EN_CV = "(?:my|the|a copy of my)\\s+(?:cv|resume|curriculum vitae)\\b";
    private static final String FR_CV = "(?:mon|le|un|ce)\\s+(?:cv|curriculum)\\b";
    private static final String EN_SEND = "\\b(?:send\\w*|sent|forward\\w*|pass\\w*|shar\\w*|giv\\w*|gave|hand\\w*|attach\\w*|circulat\\w*"
            + "|e-?mail\\w*|submit\\w*|show\\w*)\\s+";
    private static final String FR_SEND = "\\b(?:envoi\\w*|envoy\\w*|enverr\\w*|transmet\\w*|transmis\\w*|fai\\w*\\s+(?:passer|suivre|circuler)"
            + "|pass\\w*|donn\\w*|remet\\w*|remis|partag\\w*|joind\\w*|joint|diffus\\w*|propos\\w*)\\s+";

    private record Rule(Kind kind, Pattern pattern) {}

    private static final List<Rule> RULES = List.of(
            // A CV sent, passed on or attached.
            rule(Kind.CV, EN_SEND + GAP4 + EN_CV),
            rule(Kind.CV, FR_SEND + GAP4 + FR_CV),
            // Openings and hiring: a question to the contact, or asking whether.
            rule(Kind.OPENING, "\\b(?:are you|is (?:your|her|his|their|the)(?:\\s+\\S+){1,2}?|is (?:she|he|it)|are (?:they|we))\\s+"
                    + "(?:still\\s+|currently\\s+|now\\s+)?(?:hiring|recruiting)\\b(?!\\s+(?:manager|process|team|committee|freeze))"),
            rule(Kind.OPENING, EN_ASK + GAP4 + "(?:if|whether)\\s+" + GAP4
                    + "(?:hiring|recruiting|openings?|vacanc\\w+|(?:open|any)\\s+(?:positions?|roles?|posts?|jobs?))\\b"),
            rule(Kind.OPENING, "\\bany\\s+(?:job\\s+)?(?:openings?|vacanc\\w+|open\\s+(?:positions?|roles?|jobs?))\\b"),
            rule(Kind.OPENING, "\\b(?:job\\s+)?openings?\\s+(?:in|at|on)\\s+(?:your|her|his|their)\\b"),
            rule(Kind.OPENING, "\\blet me know (?:of|about|if there (?:is|are)|when there (?:is|are))\\s+" + GAP2
                    + "(?:openings?|positions?|roles?|jobs?|vacanc\\w+)\\b"),
            rule(Kind.OPENING, "\\bis there (?:a|an|any)\\s+" + GAP2 + "(?:position|role|job|opening|post)s?\\s+"
                    + "(?:for me|(?:at|in|on) (?:your|her|his|their))\\b"),
            rule(Kind.OPENING, FR_ASK + GAP3 + "(?:s'il|s'ils|si elle|si elles|si)\\s+" + GAP4
                    + "(?:recrut\\w*|embauch\\w*|(?:un|des|de|du)\\s+postes?|une place|ouvertures?)"),
            rule(Kind.OPENING, "\\b(?:recrutez|embauchez)-vous\\b"),
            rule(Kind.OPENING, "\\b(?:recrute|embauche)-t-(?:il|elle|on)\\b"),
            rule(Kind.OPENING, "\\b(?:votre|ton)\\s+(?:\\S+\\s+){0,1}?(?:recrute|embauche)(?:-t-(?:il|elle|on))?\\b"),
            rule(Kind.OPENING, "\\b(?:y a-t-il|y aurait-il)\\s+(?:un|des|de)\\s+(?:postes?|places?|ouvertures?)\\b"),
            // A job for the user.
            rule(Kind.JOB, EN_ASK + GAP2 + "for\\s+(?:a|an)\\s+" + GAP2 + "(?:job|position|role|post|internship)\\b"),
            rule(Kind.JOB, "\\b(?:hire|hiring|employ)\\s+me\\b"),
            rule(Kind.JOB, "\\b(?:take me on|give me a job)\\b"),
            rule(Kind.JOB, "\\b(?:a|any)\\s+job\\s+(?:for me|(?:at|in|with) (?:your|her|his|their))\\b"),
            rule(Kind.JOB, "\\b(?:send|submit)\\w*\\s+" + GAP3 + "my application\\b"),
            rule(Kind.JOB, FR_ASK + GAP2 + "(?:un|une)\\s+(?:poste|emploi|job|stage|place|travail|cdi|cdd)\\b"),
            rule(Kind.JOB, "\\b(?:m'embaucher|me recruter|me prendre (?:dans son equipe|en stage|chez (?:elle|lui|eux|vous)))"),
            rule(Kind.JOB, "\\bun poste (?:pour moi|chez (?:vous|elle|lui|eux))\\b"),
            rule(Kind.JOB, "\\b(?:envoy|transmet|transmett|transmis|depos|propos|fai\\w*\\s+passer)\\w*\\s+" + GAP3 + "ma candidature\\b"),
            // A recommendation or a referral for a post.
            rule(Kind.RECOMMENDATION, "\\b(?:recommend|refer)\\w*\\s+me\\s+(?:for|as)\\b"),
            rule(Kind.RECOMMENDATION, "\\b(?:recommend|refer)\\w*\\s+me\\s+(?:to|with)\\s+(?:the\\s+)?(?:hiring|recruit\\w*|hr|human resources)\\b"),
            rule(Kind.RECOMMENDATION, "\\b(?:put (?:in )?a good word|put my name forward|vouch for me|a referral for)\\b"),
            rule(Kind.RECOMMENDATION, "\\bme recommand\\w*\\s+(?:pour|aupres|a|au|aux)\\b"),
            rule(Kind.RECOMMENDATION, "\\bappu\\w*\\s+(?:\\S+\\s+){0,1}?ma candidature\\b"),
            rule(Kind.RECOMMENDATION, "\\b(?:me pistonn\\w*|pistonner|me coopt\\w*|(?:glisser|dire) un mot (?:pour moi|en ma faveur))"));

    /** A negation in the few words before an ask undoes it ("never ask for a job", "je ne vais pas lui envoyer mon CV"). */
    private static final Pattern NEGATION = Pattern.compile(
            "(?:^|\\s)(?:not|never|don't|dont|do not|won't|without|no|ne|n'\\S*|pas|jamais|sans)(?:\\s|$)");
    private static final int NEGATION_WORDS = 4;

    private JobAsk() {}

    /**
     * Whether one note item (a line of the notes, a next step, one of the user's questions) would
     * make the thank-you ask for a job, a CV, an opening or a recommendation for a post.
     *
     * @param item     one item; line breaks in it are read as spaces
     * @param language the user's language ({@code profile.language}): French for {@code fr}, else English
     * @return the first ask of the item, with its phrase and the reason in {@code language}; empty when it asks for none
     */
    public static Optional<Ask> in(String item, Locale language) {
        if (item == null || item.isBlank()) {
            return Optional.empty();
        }
        return hits(item.replace('\r', ' ').replace('\n', ' '), language).stream().findFirst();
    }

    /**
     * Every ask of a longer text, each line read as one item: the asks in order of appearance,
     * phrases without line breaks. What {@link NotesParser#jobRequestPhrases} returns the phrases of.
     */
    public static List<Ask> all(String text, Locale language) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String limited = text.length() > MAX_INPUT_CHARS ? text.substring(0, MAX_INPUT_CHARS) : text;
        List<Ask> out = new ArrayList<>();
        for (String line : limited.split("\\R")) {
            if (!line.isBlank()) {
                out.addAll(hits(line, language));
            }
        }
        return List.copyOf(out);
    }

    /** Why an ask of this kind may hurt, in the user's language (French for {@code fr}, else English). */
    public static String reason(Kind kind, Locale language) {
        boolean fr = language != null && "fr".equals(language.getLanguage());
        return switch (kind) {
            case CV -> fr
                    ? "proposer son CV ou demander qu'il soit transmis fait d'un entretien d'information une demande d'emploi ;"
                            + " la personne peut se sentir utilisée et cesser de vous aider"
                    : "asking for a CV to be forwarded turns an information interview into a job request;"
                            + " the contact may feel used and stop helping";
            case OPENING -> fr
                    ? "demander s'il y a des postes ou si l'équipe recrute fait d'un entretien d'information une demande d'emploi ;"
                            + " la personne peut se sentir piégée et cesser de vous ouvrir des portes"
                    : "asking about openings or hiring turns an information interview into a job request;"
                            + " the contact may feel cornered and stop opening doors";
            case JOB -> fr
                    ? "demander un poste rompt la promesse de l'entretien d'information (de l'information, jamais un emploi) ;"
                            + " la personne peut se sentir utilisée et cesser de vous aider"
                    : "asking for a job breaks the promise of an information interview (information, never a job);"
                            + " the contact may feel used and stop helping";
            case RECOMMENDATION -> fr
                    ? "demander à être recommandé(e) pour un poste après un entretien d'information engage le nom d'une personne vue une fois ;"
                            + " elle peut se sentir utilisée et cesser de vous aider"
                    : "asking to be recommended for a post after an information interview puts on the line the name of someone you met once;"
                            + " the contact may feel used and stop helping";
        };
    }

    /** The asks of one line, in order, none overlapping another. */
    private static List<Ask> hits(String line, Locale language) {
        String original = Normalizer.normalize(line, Normalizer.Form.NFC);
        String folded = foldKeepingLength(original);
        record Hit(int start, int end, Kind kind) {}
        List<Hit> hits = new ArrayList<>();
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(folded);
            while (m.find()) {
                if (!negated(folded, m.start())) {
                    hits.add(new Hit(m.start(), m.end(), rule.kind()));
                }
            }
        }
        hits.sort(Comparator.comparingInt(Hit::start).thenComparing(Comparator.comparingInt(Hit::end).reversed()));
        Map<String, Ask> asks = new LinkedHashMap<>();
        int coveredUntil = -1;
        for (Hit hit : hits) {
            if (hit.start() < coveredUntil) {
                continue;
            }
            String phrase = original.substring(hit.start(), hit.end()).strip();
            asks.putIfAbsent(phrase, new Ask(hit.kind(), phrase, reason(hit.kind(), language)));
            coveredUntil = hit.end();
        }
        return List.copyOf(asks.values());
    }

    private static boolean negated(String folded, int start) {
        String before = folded.substring(Math.max(0, start - 60), start).strip();
        String[] words = before.split("\\s+");
        StringBuilder last = new StringBuilder(" ");
        for (int i = Math.max(0, words.length - NEGATION_WORDS); i < words.length; i++) {
            last.append(words[i]).append(' ');
        }
        return NEGATION.matcher(last).find();
    }

    private static Rule rule(Kind kind, String regex) {
        return new Rule(kind, Pattern.compile(regex));
    }

    /** Lower case, accents removed, typographic apostrophes made plain; one character per character. */
    private static String foldKeepingLength(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '’' || c == 'ʼ') {
                out.append('\'');
                continue;
            }
            String folded = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
            out.append(folded.length() == 1 ? folded.charAt(0) : Character.toLowerCase(c));
        }
        return out.toString();
    }
}
