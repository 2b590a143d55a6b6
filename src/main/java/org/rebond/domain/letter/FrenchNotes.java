package org.rebond.domain.letter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a French note line for what it says (something to do, something that is so, a topic) and
 * turns the contact from « il »/« elle » into « vous », so that the line can sit in a sentence addressed to them.
 */
final class FrenchNotes {

    private static final String APOSTROPHE = "['’]";
    /** « il m'a conseillé de », « elle me recommande d' », « je dois » : what follows is something to do. */
    private static final Pattern ADVISED = Pattern.compile("(?iu)^(?:(?:il|elle)\\s+(?:m" + APOSTROPHE + "a|me)\\s+(?:conseillé|recommandé|"
            + "suggéré|proposé|encouragé|dit|conseille|recommande|suggère|propose|encourage|invité|invite)\\s+(?:de\\s+|d" + APOSTROPHE
            + "|à\\s+)|je\\s+(?:dois|vais|devrais|pourrais|compte|veux|peux)\\s+|à\\s+faire\\s*:\\s*)(.+)$");
    /** « il m'a dit que », « selon elle, » : what follows is a statement. */
    private static final Pattern SAID = Pattern.compile("(?iu)^(?:(?:il|elle)\\s+(?:m" + APOSTROPHE + "a\\s+(?:dit|expliqué|raconté|appris|"
            + "confié|précisé|signalé|indiqué|fait remarquer|fait comprendre|rappelé|assuré|confirmé)|dit|explique|pense|trouve|estime|"
            + "considère|affirme|constate|rappelle|souligne|a\\s+(?:dit|expliqué|précisé|souligné))\\s+(?:que\\s+|qu" + APOSTROPHE + ")"
            + "|(?:selon|d" + APOSTROPHE + "après)\\s+(?:lui|elle)\\s*,?\\s*)(.+)$");
    private static final Pattern STARTS_WITH_PRONOUN = Pattern.compile("(?iu)^(il|elle)\\s+(.+)$");
    private static final Pattern STARTS_WITH_POSSESSIVE = Pattern.compile("(?iu)^(son|sa|ses)\\s+(.+)$");
    private static final Pattern SELF = Pattern.compile("(?iu)^(?:je|j" + APOSTROPHE + "|mon|ma|mes|nous)\\b.*|^j" + APOSTROPHE + ".*");
    private static final Pattern INFINITIVE = Pattern.compile("(?iu)^\\p{L}+(?:er|ir|re|oir)$");
    private static final Set<String> NOT_INFINITIVES = Set.of("dossier", "métier", "quartier", "premier", "dernier", "cahier", "atelier",
            "loisir", "avenir", "plaisir", "désir", "soir", "espoir", "centre", "titre", "ordre", "livre", "lettre", "membre", "nombre",
            "cadre", "chiffre", "offre", "registre", "chapitre", "autre", "votre", "notre", "entre", "contre", "hier", "fier", "cher",
            "mer", "fer", "hiver", "super", "leader", "manager", "designer", "meetup", "poster", "master", "cluster", "power", "partner",
            "banquier", "courrier", "papier", "chantier", "salaire", "horaire", "secteur", "tuteur", "docteur", "ingénieur", "foire",
            "histoire", "mémoire", "territoire", "laboratoire", "répertoire", "annuaire", "notaire", "partenaire", "stagiaire", "faire-part",
            "noir", "trottoir", "couloir", "miroir", "tiroir", "rasoir", "mouchoir", "réservoir", "plusieurs", "leur", "sur", "pour",
            "par", "car", "cuir", "désormais", "particulier", "global", "mister", "sœur", "seuil");
    /** What follows « vous » for the verb written after « il »/« elle »: the usual irregular ones. */
    private static final Map<String, String> TO_VOUS = Map.ofEntries(Map.entry("est", "êtes"), Map.entry("a", "avez"),
            Map.entry("va", "allez"), Map.entry("fait", "faites"), Map.entry("dit", "dites"), Map.entry("peut", "pouvez"),
            Map.entry("doit", "devez"), Map.entry("veut", "voulez"), Map.entry("sait", "savez"), Map.entry("voit", "voyez"),
            Map.entry("prend", "prenez"), Map.entry("met", "mettez"), Map.entry("vient", "venez"), Map.entry("tient", "tenez"),
            Map.entry("connaît", "connaissez"), Map.entry("connait", "connaissez"), Map.entry("était", "étiez"), Map.entry("avait", "aviez"),
            Map.entry("sera", "serez"), Map.entry("aura", "aurez"), Map.entry("serait", "seriez"), Map.entry("aurait", "auriez"),
            Map.entry("pourrait", "pourriez"), Map.entry("devrait", "devriez"), Map.entry("part", "partez"), Map.entry("suit", "suivez"),
            Map.entry("écrit", "écrivez"), Map.entry("lit", "lisez"), Map.entry("dirige", "dirigez"), Map.entry("gère", "gérez"),
            Map.entry("préfère", "préférez"), Map.entry("suggère", "suggérez"), Map.entry("considère", "considérez"),
            Map.entry("recommande", "recommandez"), Map.entry("choisit", "choisissez"), Map.entry("finit", "finissez"),
            Map.entry("réussit", "réussissez"), Map.entry("conduit", "conduisez"), Map.entry("produit", "produisez"),
            Map.entry("construit", "construisez"), Map.entry("reçoit", "recevez"), Map.entry("croit", "croyez"));
    private static final Set<String> FINITE = Set.of("est", "sont", "a", "ont", "va", "vont", "peut", "peuvent", "doit", "doivent", "faut",
            "fait", "font", "était", "étaient", "sera", "seront", "serait", "aurait", "pourrait", "devrait", "recrute", "cherche", "utilise",
            "demande", "manque", "compte", "existe", "reste", "devient", "deviennent", "passe", "prend", "prennent", "paie", "paye",
            "travaille", "vaut", "valent", "permet", "permettent", "change", "évolue", "dépend", "dépendent", "embauche", "préfère",
            "préfèrent", "attend", "attendent", "apprécie", "apprécient", "regarde", "regardent", "exige", "exigent", "suffit",
            "suffisent", "marche", "marchent", "coûte", "coûtent", "représente", "représentent", "concerne", "concernent", "sert",
            "servent", "se", "s'", "s’", "il", "ils", "elles", "on", "c'est", "c’est", "y");
    private static final Set<String> NOT_VERBS_IN_ENT = Set.of("souvent", "client", "clients", "patient", "patients", "parent", "parents",
            "argent", "talent", "talents", "agent", "agents", "président", "urgent", "différent", "différents", "récent", "récents",
            "accent", "content", "absent", "présent", "excellent", "évident", "fréquent", "intelligent", "cent", "dent", "vent", "lent",
            "adolescent", "équivalent", "composant", "composent", "régent", "consent", "innocent", "pertinent", "permanent",
            "suffisant", "couvent", "précédent", "incident", "accident", "conscient", "compétent", "dirigeant", "ardent", "latent");
    static final Set<String> GRAMMAR_WORDS = Set.of("le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "ce", "cet", "cette", "ces",
            "son", "sa", "ses", "votre", "vos", "mon", "ma", "mes", "leur", "leurs", "quelques", "plusieurs", "chaque", "tout", "toute",
            "tous", "toutes", "comment", "pourquoi", "quand", "où", "que", "qu", "qui", "quoi", "il", "elle", "ils", "elles", "on", "en",
            "y", "au", "aux", "à", "dans", "pour", "par", "sur", "avec", "sans", "chez", "entre", "vers", "selon", "après", "avant",
            "beaucoup", "peu", "très", "plus", "moins", "aussi", "même", "autre", "autres", "certains", "certaines", "nombreux");
    private static final Set<String> DETERMINERS = Set.of("le", "la", "les", "l", "un", "une", "des", "du", "ce", "cet", "cette", "ces",
            "son", "sa", "ses", "votre", "vos", "mon", "ma", "mes", "leur", "leurs", "quelques", "plusieurs", "chaque", "tout", "toute",
            "tous", "toutes", "comment", "pourquoi", "quand", "où", "qu", "que", "certains", "certaines", "deux", "trois");

    private FrenchNotes() {
    }

    /** A line of the user's about themselves ("je dois revoir le SQL"), kept as what they understood. */
    static boolean aboutTheUser(String line) {
        return SELF.matcher(EnglishNotes.tidy(line)).matches();
    }

    static NoteShape shape(String line, Predicate<String> ordinaryWord) {
        String text = EnglishNotes.tidy(line);
        if (text.isEmpty()) {
            return new NoteShape(NoteShape.Kind.UNSURE, "");
        }
        Predicate<String> ordinary = w -> GRAMMAR_WORDS.contains(w) || FINITE.contains(w) || ordinaryWord.test(w) || INFINITIVE.matcher(w).matches();
        Matcher advised = ADVISED.matcher(text);
        if (advised.matches()) {
            return action(advised.group(1), ordinary);
        }
        Matcher said = SAID.matcher(text);
        if (said.matches()) {
            Matcher advisedAfter = ADVISED.matcher(said.group(1));
            return advisedAfter.matches() ? action(advisedAfter.group(1), ordinary) : statement(said.group(1), ordinary);
        }
        if (isInfinitive(text)) {
            return action(text, ordinary);
        }
        return statement(text, ordinary);
    }

    private static final Set<String> CLITICS = Set.of("se", "me", "lui", "leur", "en", "y", "le", "la", "les", "vous", "nous");

    private static boolean isInfinitive(String text) {
        String[] words = text.split("\\s+");
        int i = 0;
        while (i < words.length - 1 && i < 2 && CLITICS.contains(words[i].toLowerCase(Locale.ROOT))) {
            i++;
        }
        String first = words[i];
        Matcher elided = Pattern.compile("(?iu)^[smlnd]" + APOSTROPHE + "(\\p{L}+)$").matcher(first);
        if (elided.matches()) {
            first = elided.group(1);
        }
        if (first.length() > 1 && Character.isUpperCase(first.charAt(1))) {
            return false;  // FHIR, RGPD: an acronym, not a verb
        }
        first = first.toLowerCase(Locale.ROOT);
        return INFINITIVE.matcher(first).matches() && !NOT_INFINITIVES.contains(first);
    }

    private static NoteShape action(String rest, Predicate<String> ordinary) {
        String body = rest.strip();
        if (!isInfinitive(body)) {
            return statement(body, ordinary);
        }
        // « se former à FHIR » : the user is the one who does it.
        body = body.replaceFirst("(?iu)^se\\s+", "me ").replaceFirst("(?iu)^s" + APOSTROPHE, "m'");
        body = body.replaceAll("(?iu)\\blui\\s+(?=\\p{L})", "vous ");
        return new NoteShape(NoteShape.Kind.ACTION, Casing.inside(body, w -> true));
    }

    private static NoteShape statement(String text, Predicate<String> ordinary) {
        if (SELF.matcher(text).matches()) {
            return new NoteShape(NoteShape.Kind.REALISATION, Casing.inside(text, w -> true));
        }
        Matcher pronoun = STARTS_WITH_PRONOUN.matcher(text);
        if (pronoun.matches()) {
            String turned = toVous(pronoun.group(2));
            return turned == null ? new NoteShape(NoteShape.Kind.UNSURE, text) : new NoteShape(NoteShape.Kind.STATEMENT, "vous " + turned);
        }
        Matcher possessive = STARTS_WITH_POSSESSIVE.matcher(text);
        if (possessive.matches()) {
            text = (possessive.group(1).equalsIgnoreCase("ses") ? "vos " : "votre ") + possessive.group(2);
        }
        if (text.matches("(?iu)^(?:comment|pourquoi)\\s.*")) {
            // « comment l'équipe choisit » cannot follow « sur » : « la façon dont l'équipe choisit » can.
            String rest = text.replaceFirst("(?iu)^\\S+\\s+", "");
            return new NoteShape(NoteShape.Kind.TOPIC, (text.toLowerCase(Locale.ROOT).startsWith("comment") ? "la façon dont " : "les raisons pour lesquelles ") + rest);
        }
        return new NoteShape(hasFiniteVerb(text) ? NoteShape.Kind.STATEMENT : NoteShape.Kind.TOPIC, Casing.inside(text, ordinary));
    }

    /**
     * What follows « vous » for the words that followed « il »/« elle »: clitics kept or turned
     * (« s'est » → « vous êtes »), the verb put in the « vous » form; null when the verb is not known.
     */
    static String toVous(String afterPronoun) {
        List<String> words = new ArrayList<>(List.of(afterPronoun.split("\\s+")));
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            String word = words.get(i);
            String lower = word.toLowerCase(Locale.ROOT);
            Matcher elided = Pattern.compile("(?iu)^([nmsl])" + APOSTROPHE + "(.+)$").matcher(word);
            if (elided.matches()) {
                String clitic = elided.group(1).toLowerCase(Locale.ROOT);
                String rest = elided.group(2);
                if (clitic.equals("s")) {
                    out.add("vous");
                } else {
                    out.add(clitic + "'");
                }
                words.set(i, rest);
                if (!clitic.equals("s")) {
                    // "n'" and "m'" stay glued to what follows.
                    String verb = vousForm(rest);
                    if (verb == null) {
                        return null;
                    }
                    String glued = out.remove(out.size() - 1) + verb;
                    out.add(glued);
                    out.addAll(words.subList(i + 1, words.size()));
                    return String.join(" ", out);
                }
                continue;
            }
            if (lower.equals("ne") || lower.equals("me") || lower.equals("le") || lower.equals("la") || lower.equals("les")
                    || lower.equals("lui") || lower.equals("leur") || lower.equals("en") || lower.equals("y")) {
                out.add(lower);
                i++;
                continue;
            }
            if (lower.equals("se")) {
                out.add("vous");
                i++;
                continue;
            }
            String verb = vousForm(word);
            if (verb == null) {
                return null;
            }
            out.add(verb);
            out.addAll(words.subList(i + 1, words.size()));
            return String.join(" ", out);
        }
        return null;
    }

    private static String vousForm(String verb) {
        String lower = verb.toLowerCase(Locale.ROOT);
        if (TO_VOUS.containsKey(lower)) {
            return TO_VOUS.get(lower);
        }
        // First group, present: « recrute » → « recrutez », « étudie » → « étudiez ».
        if (lower.endsWith("e") && lower.length() > 3 && !lower.endsWith("ue") && lower.matches("\\p{L}+")
                && !lower.matches(".*(?:elle|ette)$")) {
            return lower.substring(0, lower.length() - 1) + "ez";
        }
        return null;
    }

    private static boolean hasFiniteVerb(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}'’]+");
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (FINITE.contains(word)) {
                return true;
            }
            if (i > 0 && word.length() > 5 && word.endsWith("ent") && !word.endsWith("ment") && !NOT_VERBS_IN_ENT.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** « que » before a clause: « qu'il », « qu'une », « que vous ». */
    static String que(String clause) {
        return clause.matches("(?iu)^[aeiouyàâäéèêëîïôöûüh].*") && !clause.matches("(?iu)^h(?:aut|ors|uit|éros|asard|alle|ausse).*")
                ? "qu'" + clause : "que " + clause;
    }

    private static boolean hasDeterminer(String topic) {
        String first = topic.toLowerCase(Locale.ROOT).split("[\\s'’]+", 2)[0];
        return DETERMINERS.contains(first);
    }

    // ---- Sentences ----

    private static final List<String> LEARNED_STATEMENT = List.of("Vous m'avez expliqué %s.", "Je retiens aussi %s.",
            "J'ai noté également %s.");
    private static final List<String> LEARNED_TOPIC = List.of("Ce que vous m'avez dit sur %s m'a été particulièrement utile.",
            "J'ai aussi apprécié ce que vous m'avez dit sur %s.", "Votre regard sur %s me donne matière à réfléchir.");
    private static final List<String> LEARNED_BARE_TOPIC = List.of("Un point m'a été particulièrement utile : %s.", "Autre point précieux : %s.");
    private static final List<String> LEARNED_REALISATION = List.of("Notre échange m'a fait comprendre %s.", "J'ai aussi compris %s.");
    private static final List<String> LEAD_ACTION = List.of("Comme vous me l'avez conseillé, je vais %s.",
            "Je vais aussi %s.", "Je vais également %s.");
    private static final List<String> LEAD_TOPIC = List.of("Je vais me pencher sur %s, comme vous me l'avez suggéré.",
            "Je vais aussi me renseigner sur %s.");
    private static final List<String> LEAD_BARE_TOPIC = List.of("Je vais creuser la piste que vous m'avez indiquée : %s.",
            "Autre piste que je vais suivre : %s.");
    private static final List<String> LEAD_STATEMENT = List.of("Vous m'avez aussi signalé %s ; je vais creuser cette piste.",
            "Vous m'avez également indiqué %s ; je vais m'y intéresser de près.");
    private static final List<String> NEXT_ACTION = List.of("Je compte ensuite %s.", "Je compte aussi %s.");

    static String learned(NoteShape note, int nth) {
        return switch (note.kind()) {
            case STATEMENT -> EnglishNotes.pick(LEARNED_STATEMENT, nth, que(note.body()));
            case REALISATION -> EnglishNotes.pick(LEARNED_REALISATION, nth, que(note.body()));
            case TOPIC -> EnglishNotes.pick(hasDeterminer(note.body()) ? LEARNED_TOPIC : LEARNED_BARE_TOPIC, nth, note.body());
            case ACTION, ONGOING_ACTION -> EnglishNotes.pick(LEAD_ACTION, nth, note.body());
            case UNSURE -> "[[ dites-le avec vos mots, en vous adressant à cette personne : " + note.body() + " ]]";
        };
    }

    static String lead(NoteShape note, int nth) {
        return switch (note.kind()) {
            case ACTION, ONGOING_ACTION -> EnglishNotes.pick(LEAD_ACTION, nth, note.body());
            case TOPIC -> EnglishNotes.pick(hasDeterminer(note.body()) ? LEAD_TOPIC : LEAD_BARE_TOPIC, nth, note.body());
            case STATEMENT, REALISATION -> EnglishNotes.pick(LEAD_STATEMENT, nth, que(note.body()));
            case UNSURE -> "[[ dites-le avec vos mots, en vous adressant à cette personne : " + note.body() + " ]]";
        };
    }

    static String nextStep(NoteShape note, int nth) {
        return note.kind() == NoteShape.Kind.ACTION ? EnglishNotes.pick(NEXT_ACTION, nth, note.body()) : "";
    }
}
