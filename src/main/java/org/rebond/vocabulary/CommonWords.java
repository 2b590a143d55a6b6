package org.rebond.vocabulary;

import java.util.List;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;

/**
 * The words that are never a trade term, whatever the language chosen: Lucene's French and English
 * stop sets together (a French contact writes a few English words and the other way round), and a
 * modest list of words of mail, meetings and small talk ("busy", "gladly", "minutes", "réunion",
 * "heure"...). They are no candidates, but may sit inside a multi-word term ("données de santé").
 *
 * <p>This list only takes the obvious out; the comparison with the mailbox does most of the work.
 * Entries are lower case without accents, and so is a word looked up.
 */
final class CommonWords {

    private static final List<String> MAIL_AND_SMALL_TALK = List.of(
            // English: function words missing from Lucene's short list
            "about", "above", "across", "after", "again", "against", "all", "almost", "along", "already", "also", "although",
            "always", "am", "among", "any", "anyone", "anything", "anyway", "around", "away", "back", "because", "been",
            "before", "behind", "being", "below", "between", "both", "can", "cannot", "could", "did", "do", "does", "doing",
            "done", "down", "during", "each", "either", "else", "enough", "etc", "even", "ever", "every", "everyone",
            "everything", "few", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
            "him", "himself", "his", "how", "however", "i", "its", "itself", "just", "least", "less", "let", "lets", "me",
            "might", "mine", "more", "most", "much", "must", "my", "myself", "neither", "never", "nor", "now", "off", "often",
            "once", "one", "only", "other", "others", "our", "ours", "ourselves", "out", "over", "own", "per", "perhaps",
            "quite", "rather", "really", "same", "shall", "she", "should", "since", "so", "some", "someone", "something",
            "sometimes", "somewhat", "still", "than", "thats", "them", "themselves", "there", "these", "those", "though",
            "through", "thus", "too", "toward", "towards", "under", "until", "up", "upon", "us", "very", "via", "was", "we",
            "were", "what", "whatever", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "would",
            "yes", "yet", "you", "your", "yours", "yourself", "yourselves", "ok", "okay", "yeah", "sure", "maybe",
            "far", "pretty", "almost", "instead", "else", "anyway", "whole", "single", "usually", "mostly", "probably",
            // English: verbs and words of every conversation
            "ask", "asked", "asking", "bring", "came", "come", "coming", "feel", "find", "found", "get", "gets", "getting",
            "give", "given", "gives", "go", "goes", "going", "gone", "got", "guess", "hear", "heard", "help", "hope",
            "hoping", "keep", "know", "known", "knows", "like", "liked", "look", "looking", "looks", "made", "make", "makes",
            "making", "mean", "means", "meant", "need", "needed", "needs", "put", "said", "say", "says", "see", "seeing",
            "seen", "seem", "seems", "send", "sending", "sent", "share", "shared", "sharing", "take", "takes", "taking",
            "talk", "talked", "talking", "tell", "telling", "thank", "thanks", "thanking", "think", "thinking", "thought",
            "told", "took", "try", "trying", "use", "used", "using", "want", "wanted", "wants", "went", "wish", "wonder",
            "work", "worked", "working", "works", "write", "writing", "wrote", "forward", "reply", "replied", "answer",
            "able", "actually", "bit", "good", "great", "nice", "lovely", "happy", "glad", "gladly", "pleased", "delighted",
            "busy", "free", "available", "availability", "best", "better", "big", "small", "little", "lot", "lots", "new",
            "old", "first", "last", "next", "previous", "long", "short", "kind", "kindly", "dear", "hello", "hey",
            "regards", "cheers", "sincerely", "thing", "things", "way", "ways", "time", "times", "day", "days", "week",
            "weeks", "weekend", "month", "months", "year", "years", "today", "tomorrow", "yesterday", "morning",
            "afternoon", "evening", "tonight", "soon", "later", "early", "late", "hour", "hours", "minute", "minutes",
            "moment", "quick", "quickly", "please", "sorry", "apologies", "welcome", "fine", "well", "lot", "definitely",
            "absolutely", "certainly", "probably", "exactly", "especially", "anytime", "meanwhile", "indeed",
            "question", "questions", "chat", "call", "calls", "catch", "coffee", "lunch", "meet", "meeting", "meetings",
            "invite", "invitation", "invited", "calendar", "agenda", "slot", "slots", "schedule", "scheduled",
            "reschedule", "join", "link", "email", "emails", "mail", "message", "messages", "note", "notes", "subject",
            "attached", "attachment", "info", "information", "informational", "conversation",
            "contact", "introduce", "introduction", "intro", "mentioned", "touch", "update", "updates", "news",
            // English: numbers, days, months
            "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
            "twenty", "thirty", "forty", "fifty", "hundred", "half", "second", "third", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
            "june", "july", "august", "september", "october", "november", "december",
            // French: function words and verbs missing from Lucene's list (without accents)
            "est", "ete", "etaient", "etais", "etait", "etions", "sommes", "font", "fera", "ferai", "ferons", "sera", "serai", "alors", "apres", "assez", "aucun", "aucune", "aupres", "aussi", "autre", "autres", "avant", "avoir", "bah",
            "beaucoup", "bien", "car", "ceux", "celle", "celles", "celui", "cependant", "certain", "certaine",
            "certaines", "certains", "chacun", "chaque", "chez", "comme", "comment", "dont", "donc", "depuis", "des",
            "devant", "deja", "encore", "enfin", "ensuite", "entre", "etre", "etc", "faire", "fais", "fait", "faites",
            "faut", "fois", "grace", "jamais", "juste", "lors", "lorsque", "meme", "memes", "moins", "non", "oui", "parce",
            "parfois", "parmi", "pendant", "peu", "peut", "peuvent", "peux", "plus", "plusieurs", "plutot", "pourquoi",
            "pourrait", "pourrais", "pourriez", "pouvez", "pouvons", "puis", "puisque", "quand", "quelque", "quelques",
            "quoi", "rien", "selon", "seulement", "sinon", "sous", "souvent", "surtout", "tant", "tous", "tout", "toute",
            "toutes", "tres", "trop", "vers", "voici", "voila", "vraiment", "ailleurs", "ainsi", "afin", "dire", "dis",
            "dit", "vais", "vas", "va", "vont", "allons", "allez", "aller", "veux", "veut", "voulez", "voudrais", "voir",
            "vois", "voit", "vu", "sais", "sait", "savez", "savoir", "prendre", "pris", "prends", "mettre", "mets", "mis",
            "donner", "envoyer", "envoie", "envoye", "envoyee", "transmettre", "transmets", "repondre", "reponse",
            "parler", "echanger", "echange", "echanges", "aider", "aide", "penser", "pense", "crois", "trouver", "trouve",
            "passer", "passe", "venir", "viens", "vient", "revenir", "reviens", "rappel", "rappeler", "besoin", "envie",
            "bon", "bonne", "bons", "bonnes", "belle", "beau", "grand", "grande", "petit", "petite", "nouveau",
            "nouvelle", "premier", "premiere", "dernier", "derniere", "prochain", "prochaine", "suite", "volontiers",
            "ravi", "ravie", "heureux", "heureuse", "plaisir", "disponible", "disponibles", "dispo", "disponibilite",
            "disponibilites", "occupe", "occupee", "merci", "remercie", "bonjour", "bonsoir", "salut", "coucou", "cher",
            "chere", "cordialement", "amicalement", "salutations", "bises", "bisous", "bientot", "tard", "tot", "chose",
            "choses", "question", "questions", "sujet", "objet", "message", "messages", "mail", "mails", "courriel",
            "courriels", "piece", "pieces", "jointe", "jointes", "lien", "invitation", "reunion", "reunions", "rendez",
            "entretien", "entretiens", "appel", "visio", "visioconference", "cafe", "dejeuner", "creneau", "creneaux",
            "agenda", "calendrier", "rejoindre", "equipe", "equipes", "decouverte", "contact", "contacter",
            "presentation", "presenter", "temps", "moment", "heure", "heures", "minute", "minutes", "jour", "jours",
            "journee", "semaine", "semaines", "mois", "annee", "annees", "an", "ans", "aujourd", "demain", "hier",
            "matin", "midi", "soir", "soiree", "apres-midi", "maintenant", "bref", "cas", "fin", "debut", "part", "genre", "point",
            "points",
            // French: numbers, days, months
            "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "quinze", "vingt",
            "trente", "quarante", "cinquante", "cent", "demi", "demie", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
            "samedi", "dimanche", "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
            "octobre", "novembre", "decembre",
            // Places every mail and invitation names
            "paris", "london", "londres", "france", "online", "office", "bureau", "bureaux", "adresse", "address");

    /** Written in capitals but no acronym of a trade: mail prefixes, times, politeness. */
    private static final CharArraySet NOT_ACRONYMS = new CharArraySet(List.of("ok", "am", "pm", "re", "fw", "fwd", "tr", "cc",
            "cci", "bcc", "ps", "nb", "pj", "fyi", "asap", "rsvp", "tbd", "tba", "cet", "cest", "gmt", "utc", "est", "pst", "edt",
            "bst", "rdv", "svp", "stp", "cv", "hi", "lol", "thx", "merci", "hello", "urgent", "info", "min", "mn", "a", "i", "j"), true);

    /** Lower case without accents, so one look-up (case-sensitive, the fastest) answers. */
    private final CharArraySet words;

    CommonWords() {
        CharArraySet all = new CharArraySet(600, false);
        for (Object word : FrenchAnalyzer.getDefaultStopSet()) {
            all.add(Surfaces.fold(new String((char[]) word)));
        }
        for (Object word : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
            all.add(Surfaces.fold(new String((char[]) word)));
        }
        all.addAll(MAIL_AND_SMALL_TALK);
        words = CharArraySet.unmodifiableSet(all);
    }

    /** Whether {@code length} chars of {@code folded} (lower case, without accents) from {@code offset} are a common word. */
    boolean contains(char[] folded, int offset, int length) {
        return words.contains(folded, offset, length);
    }

    /** Whether a word written in capitals is a mail or time abbreviation rather than an acronym of a trade. */
    static boolean notAnAcronym(char[] word, int offset, int length) {
        return NOT_ACRONYMS.contains(word, offset, length);
    }
}
