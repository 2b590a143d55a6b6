package org.rebond.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rebond.domain.DebriefNotes.NameGiven;

/**
 * Reads one line of the names section of debrief notes (METHOD M5): the person's name, their
 * address, and the permissions the contact gave, asked one at a time (may I note the name, may I
 * contact them, may I say you suggested it), and whether the contact offered to introduce the user.
 *
 * <p>The rest of the line is cut into clauses ({@code , ; / +}, and, but, et, mais). In a clause each
 * permission word counts as yes unless a negation comes before it (since the previous permission word
 * of the clause) or right after it ({@code contact: no}); a negation carries over to the next word
 * when only "or", "ni" or a pronoun stands between them ("don't contact or mention her"). A
 * permission the line does not speak of is no, except noting the name, which is yes unless said.
 */
final class NamePermissions {

    private enum Kind { NOTE, INTRODUCE, CONTACT, MENTION }

    private static final Pattern EMAIL = Pattern.compile("[\\w.+'-]+@[\\w-]+(?:\\.[\\w-]+)+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern NAME_SEPARATOR = Pattern.compile("\\s[—–-]\\s|[,;:(]");
    private static final Pattern CLAUSE_SEPARATOR = Pattern.compile("[,;/+()\\[\\]]|\\b(?:and|et|but|mais|yet|though|however|cependant)\\b");

    /** Phrases that grant without a permission word's usual sense, or refuse without a negation. */
    private static final Pattern NO_OBJECTION = Pattern.compile(
            "\\b(?:(?:no|not a|pas de|pas d|sans|aucun|never a) (?:problem|probleme|souci|soucis|objection|issue|worries)"
                    + "|(?:don t|do not|never) hesitate|n hesit\\w*(?: surtout)? pas|(?:ne pas|sans) hesiter)\\b");
    private static final Pattern OFF_THE_RECORD = Pattern.compile("\\b(?:off the record|confidenti\\w*|hors micro)\\b");

    private static final Pattern NOTE_WORD = Pattern.compile(
            "\\b(?:(?:note|notes|noted|noting|noter|notez|notee?s?|keep|keeping|garder|conserver|retenir|record|enregistrer)"
                    + "(?: (?:down|the|her|his|their|son|sa|ses|le|la|les|leur|leurs))?(?: (?:names?|noms?|coordonnees|details))?"
                    + "|write\\w* (?:\\w+ )?down|prendre (?:en )?note)\\b");
    private static final Pattern INTRODUCE_WORD = Pattern.compile(
            "\\b(?:intro|intros|introduc\\w*|introduir\\w*|put (?:me|us) in touch|connect (?:me|us)|mise en relation"
                    + "|(?:mettre|mettra|met|mis|mettrait) en relation|(?:me|m|nous) (?:l |la |le |les |leur |lui )?present\\w*"
                    + "|presentation)\\b");
    private static final Pattern CONTACT_WORD = Pattern.compile(
            "\\b(?:contact\\w*|ecrire|lui ecrire|write|writing|email|e mail|mail|get in touch|reach\\w*|joindre|appeler|call|phone|telephoner)\\b");
    private static final Pattern MENTION_WORD = Pattern.compile(
            "\\b(?:mention\\w*|citer|cite|cited|citing|nommer|name|de sa part|de (?:ma|leur|votre|notre) part|say|dire|suggest\\w*"
                    + "|refer\\w*|recommand\\w*|recommend\\w*|come from|comes from|viens de|vient de|sent by|envoye par)\\b");
    /** A channel ("by email", "par mail") is how, not whether: it grants nothing. */
    private static final Pattern CHANNEL = Pattern.compile("\\b(?:by|par|via|per|through) (?:e mail|email|mail|phone|telephone)\\b");

    private static final Pattern NEGATION = Pattern.compile(
            "\\b(?:no|not|pas|non|ne|n|ni|nor|never|jamais|dont|don t|\\w+n t|cannot|sans|without|nope|neither|aucun\\w*)\\b");
    private static final Pattern NEGATION_AFTER = Pattern.compile("^\\s*[:=]?\\s*(?:no|non|pas|not|jamais|never|nope)\\b");
    /** Between two permission words, only these let a negation carry over to the second. */
    private static final Pattern CARRY_OVER = Pattern.compile(
            "^(?:\\s|\\b(?:or|ou|ni|nor|to|a|her|him|them|me|la|le|les|lui|leur|l|m|y|even|meme|either)\\b)*$");

    private NamePermissions() {}

    /** Reads one name item. An empty name means the line named nobody. */
    static NameGiven read(String item) {
        String name;
        String rest;
        String email = "";
        Matcher address = EMAIL.matcher(item);
        if (address.find()) {
            email = address.group().toLowerCase(Locale.ROOT);
            name = item.substring(0, address.start());
            rest = item.substring(address.end());
        } else {
            Matcher separator = NAME_SEPARATOR.matcher(item);
            if (separator.find()) {
                name = item.substring(0, separator.start());
                rest = item.substring(separator.start());
            } else {
                name = item;
                rest = "";
            }
        }
        name = name.replaceAll("^[\\s<>,;:()\"'—–-]+|[\\s<>,;:()\"'—–-]+$", "");
        if (name.isEmpty()) {
            name = email;
        }
        boolean[] granted = {true, false, false, false};
        String text = NotesParser.fold(rest).replace('\'', ' ').replace('’', ' ').replace('-', ' ');
        text = NO_OBJECTION.matcher(text).replaceAll("ok");
        text = OFF_THE_RECORD.matcher(text).replaceAll("no note");
        text = CHANNEL.matcher(text).replaceAll(" ");
        for (String clause : CLAUSE_SEPARATOR.split(text)) {
            read(clause, granted);
        }
        return new NameGiven(name, email, granted[Kind.NOTE.ordinal()], granted[Kind.CONTACT.ordinal()],
                granted[Kind.MENTION.ordinal()], granted[Kind.INTRODUCE.ordinal()]);
    }

    private record Hit(Kind kind, int start, int end) {}

    private static void read(String clause, boolean[] granted) {
        List<Hit> hits = new ArrayList<>();
        find(clause, NOTE_WORD, Kind.NOTE, hits);
        find(clause, INTRODUCE_WORD, Kind.INTRODUCE, hits);
        find(clause, CONTACT_WORD, Kind.CONTACT, hits);
        find(clause, MENTION_WORD, Kind.MENTION, hits);
        // Earliest first; at one place the longest, then the kind listed first ("note her name" is about noting).
        hits.sort(Comparator.comparingInt(Hit::start).thenComparing(Comparator.comparingInt(Hit::end).reversed())
                .thenComparing(Hit::kind));
        int since = 0;
        boolean lastNegated = false;
        for (Hit hit : hits) {
            if (hit.start() < since) {
                continue; // inside a longer phrase already read
            }
            String between = clause.substring(since, hit.start());
            boolean negated = NEGATION.matcher(between).find()
                    || (lastNegated && CARRY_OVER.matcher(between).matches())
                    || NEGATION_AFTER.matcher(clause.substring(hit.end())).find();
            granted[hit.kind().ordinal()] = !negated;
            since = hit.end();
            lastNegated = negated;
        }
    }

    private static void find(String clause, Pattern word, Kind kind, List<Hit> hits) {
        Matcher m = word.matcher(clause);
        while (m.find()) {
            hits.add(new Hit(kind, m.start(), m.end()));
        }
    }
}
