package org.rebond.vocabulary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;

/**
 * Finds a contact's trade vocabulary for the prep brief: the words and phrases ("FHIR", "données de
 * santé", "open banking") the contact uses much more than the whole mailbox does, as they wrote
 * them, each with a line of theirs where they used it.
 *
 * <p>How: each message is cut to the contact's own words ({@link ContactText}), analysed with
 * Lucene ({@link TokenReader}: Unicode word breaks, French elision, stop words of both languages and
 * of mail, light stemming in the language asked for), turned into candidates (words, and phrases
 * of two or three words, {@link Phrases}), and ranked by distinctiveness against the mailbox
 * ({@link Ranking}). Work is bounded: at most {@value #MAX_CONTACT_TEXTS} texts of a contact and
 * {@value #MAX_CONTACT_CHARS} characters of their own words, at most {@value #MAX_BACKGROUND_TEXTS}
 * texts of the mailbox, {@value ContactText#MAX_CHARS} characters of each text, in time linear in
 * the text.
 *
 * <p>Thread-safe and reusable: it holds no state but the stop words; each call makes its own Lucene
 * tokenizer.
 */
public final class VocabularyFinder {

    /** A contact's texts beyond this many (the newest come first) are not read. */
    public static final int MAX_CONTACT_TEXTS = 1_000;
    /**
     * A contact's own words beyond this many characters (the newest first) are not read: the newest
     * fifteen thousand words or so say what their vocabulary is, and a find stays cheap whatever the history.
     */
    public static final int MAX_CONTACT_CHARS = 100_000;
    /** The mailbox's texts beyond this many are not counted. */
    public static final int MAX_BACKGROUND_TEXTS = 3_000;
    /**
     * The slots of each of the background's two tables (French and English stems): 12 bytes each,
     * so 12 MB in all at most, within a daemon's heap of 256 MB. Half of them may be used; past
     * that, the rarest phrases are forgotten ({@link LongIntMap}).
     */
    static final int BACKGROUND_SLOTS = 1 << 19;
    /** Fewer content words of the contact's own than this: too little text to tell vocabulary from noise. */
    public static final int MIN_WORDS = 40;
    /**
     * Under this many content words, an acronym used once may be shown ("OAP"); otherwise a term must
     * come back: a word or phrase used once is as likely the topic of one sentence as the contact's trade.
     */
    public static final int FEW_WORDS = 150;

    private final CommonWords common = new CommonWords();

    /**
     * Counts the words and phrases of the whole mailbox (costly: do it once and reuse it for many
     * contacts). The contact's own messages may be among them or not.
     *
     * @param mailboxTexts message bodies, decoded to plain text; null entries are skipped
     */
    public Background background(List<String> mailboxTexts) {
        List<String> texts = mailboxTexts == null ? List.of() : mailboxTexts;
        int count = Math.min(texts.size(), MAX_BACKGROUND_TEXTS);
        LongIntMap french = new LongIntMap(count * 64, BACKGROUND_SLOTS);
        LongIntMap english = new LongIntMap(count * 64, BACKGROUND_SLOTS);
        TokenReader reader = new TokenReader(common, CharArraySet.EMPTY_SET, Language.FRENCH, Language.ENGLISH);
        Tokens tokens = new Tokens();
        long words = 0;
        for (int t = 0; t < count; t++) {
            String text = texts.get(t);
            if (text == null) {
                continue;
            }
            reader.read(ContactText.ownWords(text), tokens);
            words += contentWords(tokens);
            Phrases.each(tokens, (frenchKey, englishKey) -> {
                french.add(frenchKey, 1);
                english.add(englishKey, 1);
            });
        }
        return new Background(french, english, words, count);
    }

    /**
     * The contact's vocabulary.
     *
     * @param contactTexts    the contact's message bodies, decoded to plain text, newest first (quotes,
     *                        signatures and invitation boilerplate are removed here); null entries skipped
     * @param background      the mailbox's counts, from {@link #background} (not null)
     * @param language        the language of the contact (or of the user): French for {@code fr}, English otherwise;
     *                        it chooses the stemmer, while stop words of both languages are always left out
     * @param namesToLeaveOut people's names (the user, the contact, the referrer...): each of their words is
     *                        left out, whatever its case or accents
     * @param max             how many terms at most
     */
    public Vocabulary find(List<String> contactTexts, Background background, Locale language, Collection<String> namesToLeaveOut,
                           int max) {
        Objects.requireNonNull(background, "background: count the mailbox first, or pass background(List.of())");
        Language lang = Language.of(language);
        List<String> texts = new ArrayList<>();
        int chars = 0;
        if (contactTexts != null) {
            for (String text : contactTexts.subList(0, Math.min(contactTexts.size(), MAX_CONTACT_TEXTS))) {
                if (chars >= MAX_CONTACT_CHARS) {
                    break;
                }
                String own = text == null ? "" : ContactText.ownWords(text);
                if (chars + own.length() > MAX_CONTACT_CHARS) {
                    own = own.substring(0, MAX_CONTACT_CHARS - chars);
                }
                texts.add(own);
                chars += own.length();
            }
        }
        TokenReader reader = new TokenReader(common, names(namesToLeaveOut), lang, null);
        Tokens tokens = new Tokens();
        Map<Long, Candidate> candidates = new HashMap<>();
        int words = 0;
        for (int t = 0; t < texts.size(); t++) {
            reader.read(texts.get(t), tokens);
            words += contentWords(tokens);
            int text = t;
            Phrases.each(tokens, false, (from, to, key, n) -> {
                Candidate c = candidates.get(key);
                if (c == null) {
                    c = new Candidate(key, n, candidates.size(), n == 1 ? new long[0] : parts(tokens, from, to), n == 1 && tokens.acronym[from]);
                    candidates.put(key, c);
                }
                c.used(text, tokens.start[from], tokens.end[to], tokens.sentenceStart[from]);
            });
        }
        if (words < MIN_WORDS) {
            return Vocabulary.tooLittle(words);
        }
        if (max <= 0) {
            return new Vocabulary(true, words, List.of());
        }
        boolean little = words < FEW_WORDS;
        for (Candidate c : candidates.values()) {
            c.mailboxUses = background.uses(lang, c.key);
            c.score = Ranking.score(c.uses, words, c.mailboxUses, background.wordsRead());
            c.usesNeeded = little && c.acronym ? 1 : 2;
        }
        List<Term> terms = new ArrayList<>();
        Set<String> shownContexts = new HashSet<>();
        for (Candidate c : Ranking.best(candidates.values(), words, background.wordsRead(), max)) {
            String context = context(c, texts, shownContexts);
            shownContexts.add(context);
            terms.add(new Term(Surfaces.shown(c, texts), context, c.uses));
        }
        return new Vocabulary(true, words, terms);
    }

    /**
     * A sentence (newest message first) where the contact used the term: one that fits whole and was
     * not shown for a better term if there is one, so each term brings a line of its own.
     */
    private static String context(Candidate c, List<String> texts, Set<String> shown) {
        String whole = null;
        String first = null;
        for (int p = 0; p < c.placeCount(); p++) {
            String context = Contexts.around(texts.get(c.text(p)), c.start(p), c.end(p));
            boolean fits = !context.startsWith("…") && !context.endsWith("…");
            if (fits && !shown.contains(context)) {
                return context;
            }
            if (fits && whole == null) {
                whole = context;
            }
            if (first == null) {
                first = context;
            }
        }
        return whole != null ? whole : first;
    }

    private static int contentWords(Tokens tokens) {
        int n = 0;
        for (int i = 0; i < tokens.size; i++) {
            if (tokens.kind[i] == Tokens.CONTENT) {
                n++;
            }
        }
        return n;
    }

    /** The keys of a phrase's words and of its shorter phrases (two words of three). */
    private static long[] parts(Tokens tokens, int from, int to) {
        int[] words = new int[Phrases.MAX_WORDS];
        int n = 0;
        for (int i = from; i <= to && n < words.length; i++) {
            if (tokens.kind[i] == Tokens.CONTENT) {
                words[n++] = i;
            }
        }
        long[] parts = new long[n == 3 ? 5 : n];
        for (int k = 0; k < n; k++) {
            parts[k] = tokens.key[words[k]];
        }
        if (n == 3) {
            parts[3] = Phrases.key(tokens.key, words[0], words[1]);
            parts[4] = Phrases.key(tokens.key, words[1], words[2]);
        }
        return parts;
    }

    /** The words of people's names, lower case and without accents. */
    private static CharArraySet names(Collection<String> names) {
        CharArraySet set = new CharArraySet(16, false);
        if (names != null) {
            for (String name : names) {
                if (name == null) {
                    continue;
                }
                for (String word : Surfaces.fold(name).split("[^\\p{L}\\p{N}]+")) {
                    if (word.length() >= 2) {
                        set.add(word);
                    }
                }
            }
        }
        return set;
    }
}
