package org.rebond.vocabulary;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemmer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemmer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * Turns a text into {@link Tokens} with Lucene: {@link StandardTokenizer} (Unicode word breaks),
 * {@link ElisionFilter} with French articles (l', d', qu'...), then, for each word, lower case, the
 * language's light stemmer ({@link FrenchLightStemmer}, {@link EnglishMinimalStemmer}) and
 * {@link ASCIIFoldingFilter}'s folding, hashed to a 64-bit key. The stemmers are called directly so one
 * tokenisation gives the keys of both languages (the mailbox's background is counted in both).
 *
 * <p>One reader per call: it holds Lucene's tokenizer, which is not thread-safe.
 */
final class TokenReader {

    private static final int MIN_LETTERS = 3;
    private static final int MAX_LETTERS = 30;
    private static final int MAX_ACRONYM = 5;

    private final CommonWords common;
    private final CharArraySet names;
    private final Language first;
    private final Language second;
    private final StandardTokenizer tokenizer = new StandardTokenizer();
    private final TokenStream stream = new ElisionFilter(tokenizer, FrenchAnalyzer.DEFAULT_ARTICLES);
    private final CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
    private final TypeAttribute type = stream.addAttribute(TypeAttribute.class);
    private final FrenchLightStemmer frenchStemmer = new FrenchLightStemmer();
    private final EnglishMinimalStemmer englishStemmer = new EnglishMinimalStemmer();
    private char[] lower = new char[64];
    private char[] folded = new char[256];
    private char[] stem = new char[256];

    /**
     * @param names  words of people's names (lower case, without accents) that are never terms
     * @param first  the language of {@link Tokens#key}
     * @param second the language of {@link Tokens#otherKey}, or null for none
     */
    TokenReader(CommonWords common, CharArraySet names, Language first, Language second) {
        this.common = common;
        this.names = names;
        this.first = first;
        this.second = second;
    }

    /** Analyses {@code text} into {@code into}, which is cleared first. */
    void read(String text, Tokens into) {
        into.clear();
        try {
            tokenizer.setReader(new StringReader(text));
            stream.reset();
            int previousEnd = -1;
            while (stream.incrementToken()) {
                int from = offset.startOffset();
                int to = offset.endOffset();
                boolean joined = previousEnd >= 0 && joined(text, previousEnd, from);
                boolean sentenceStart = sentenceStart(text, from);
                previousEnd = to;
                add(from, to, joined, sentenceStart, shouted(text, from, to), into);
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        } finally {
            try {
                stream.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** How far either side of a word in capitals is looked at to tell an acronym from shouting. */
    private static final int SHOUT_WINDOW = 40;

    /** Whether no lower-case letter is near the word: a line written in capitals, where "CE" is only "ce". */
    private static boolean shouted(String text, int from, int to) {
        for (int i = Math.max(0, from - SHOUT_WINDOW); i < Math.min(text.length(), to + SHOUT_WINDOW); i++) {
            if ((i < from || i >= to) && Character.isLowerCase(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private void add(int from, int to, boolean joined, boolean sentenceStart, boolean shouted, Tokens into) {
        char[] chars = term.buffer();
        int length = term.length();
        int surfaceFrom = to - length; // an elided article ("l'", "qu'") is not part of the word shown
        int surfaceTo = to;
        if (length > 2 && chars[length - 1] == 's' || length > 2 && chars[length - 1] == 'S') {
            char apostrophe = chars[length - 2];
            if (apostrophe == '\'' || apostrophe == '\u2019') { // English possessive: "company's"
                length -= 2;
                surfaceTo -= 2;
            }
        }
        String tokenType = type.type();
        boolean word = tokenType.equals("<ALPHANUM>") || tokenType.equals("<SOUTHEAST_ASIAN>") || tokenType.equals("<HANGUL>");
        if (!word || surfaceFrom < 0) {
            into.add(from, to, 0, 0, Tokens.SKIP, joined, sentenceStart);
            return;
        }
        int letters = 0;
        int upper = 0;
        int digits = 0;
        int codePoints = 0;
        boolean other = false;
        for (int i = 0; i < length; ) {
            int c = Character.codePointAt(chars, i, length);
            i += Character.charCount(c);
            codePoints++;
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            } else if (Character.isDigit(c)) {
                digits++;
            } else if (!isMark(c)) {
                other = true; // an apostrophe ("don't", "aujourd'hui"), a dot ("v2.3", "x.com"), an underscore
            }
        }
        lower(chars, length);
        int foldedLength = fold(lower, length, folded(length));
        if (letters == 0 || codePoints > MAX_LETTERS || names.contains(folded, 0, foldedLength)) {
            into.add(from, to, 0, 0, Tokens.SKIP, joined, sentenceStart);
            return;
        }
        boolean apostrophe = other && (contains(chars, length, '\'') || contains(chars, length, '\u2019'));
        if (other && !apostrophe) { // a dot ("v2.3", "x.com"), an underscore: no word of a sentence
            into.add(from, to, 0, 0, Tokens.SKIP, joined, sentenceStart);
            return;
        }
        boolean capitals = upper == letters && letters >= 2;
        boolean acronymOfACommonWord = capitals && !shouted && digits == 0 && !CommonWords.notAnAcronym(lower, 0, length);
        if (apostrophe || (common.contains(folded, 0, foldedLength) && !acronymOfACommonWord)) {
            // "don't", "aujourd'hui"; and a common word in a line of capitals ("CE QUE VOUS SAVEZ") is no acronym,
            // while in a sentence it is one ("le marquage CE", "the IT team")
            long key = hash(folded, 0, foldedLength);
            into.add(from, to, key, key, Tokens.COMMON, joined, sentenceStart);
            return;
        }
        boolean pluralCapitals = digits == 0 && upper == letters - 1 && letters >= 3 && chars[length - 1] == 's'; // "APIs", "KPIs"
        if ((capitals || pluralCapitals) && codePoints <= MAX_ACRONYM + (pluralCapitals ? 1 : 0)
                && !CommonWords.notAnAcronym(lower, 0, length)) {
            long key = hash(folded, 0, pluralCapitals ? foldedLength - 1 : foldedLength); // acronyms are never stemmed
            into.add(surfaceFrom, surfaceTo, key, key, Tokens.CONTENT, joined, sentenceStart, true);
            return;
        }
        if (digits > 0 || codePoints < MIN_LETTERS) { // "14h30", "2pm", "v2", "ok", "je"
            into.add(from, to, 0, 0, Tokens.SKIP, joined, sentenceStart);
            return;
        }
        long key = stemKey(first, length, foldedLength);
        long otherKey = second == null ? key : stemKey(second, length, foldedLength);
        into.add(surfaceFrom, surfaceTo, key, otherKey, Tokens.CONTENT, joined, sentenceStart);
    }

    private long stemKey(Language language, int length, int foldedLength) {
        if (language == Language.FRENCH) { // the French stemmer knows accents: stem, then fold
            char[] buffer = stem(length);
            System.arraycopy(lower, 0, buffer, 0, length);
            int stemmed = frenchStemmer.stem(buffer, length);
            char[] out = folded(stemmed);
            int n = fold(buffer, stemmed, out);
            long key = hash(out, 0, n);
            fold(lower, length, out); // folded is shared: restore it
            return key;
        }
        char[] buffer = stem(foldedLength);
        System.arraycopy(folded, 0, buffer, 0, foldedLength);
        return hash(buffer, 0, englishStemmer.stem(buffer, foldedLength));
    }

    /** Whether nothing but spaces (one line break at most) or a lone hyphen ("LCB-FT") parts two tokens. */
    static boolean joined(String text, int from, int to) {
        if (to - from == 1) {
            char c = text.charAt(from);
            return c == '-' || c == '\u2010' || c == '\u2011' || Character.isWhitespace(c) || c == '\u00A0';
        }
        int lineBreaks = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lineBreaks++;
            } else if (!Character.isWhitespace(c) && c != '\u00A0' && c != '\u202F') {
                return false;
            }
        }
        return lineBreaks <= 1;
    }

    /** Whether the token at {@code at} begins a sentence, a line after a greeting, or a list item. */
    static boolean sentenceStart(String text, int at) {
        int lineBreaks = 0;
        for (int i = at - 1; i >= 0 && at - i < 200; i--) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (++lineBreaks == 2) {
                    return true;
                }
            } else if (Character.isWhitespace(c) || c == '"' || c == '«' || c == '“' || c == '(' || c == '\u00A0') {
                continue;
            } else {
                return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '•' || c == '*' || c == '>'
                        || (c == '-' || c == '–') && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))
                        || c == ',' && lineBreaks > 0;
            }
        }
        return true;
    }

    /**
     * Folds {@code length} chars of {@code in} to ASCII into {@code out} ("é" to "e", "œ" to "oe"),
     * returning the length written. ASCII chars are copied: Lucene's folding is one huge method the
     * JIT leaves interpreted, so it is called for the few chars that need it.
     */
    static int fold(char[] in, int length, char[] out) {
        int n = 0;
        for (int i = 0; i < length; i++) {
            char c = in[i];
            if (c < 0x80) {
                out[n++] = c;
            } else {
                n = ASCIIFoldingFilter.foldToASCII(in, i, out, n, 1);
            }
        }
        return n;
    }

    private void lower(char[] chars, int length) {
        if (lower.length < length) {
            lower = new char[length * 2];
        }
        for (int i = 0; i < length; i++) {
            lower[i] = Character.toLowerCase(chars[i]);
        }
    }

    private char[] folded(int length) {
        if (folded.length < length * 4) {
            char[] bigger = new char[length * 4];
            System.arraycopy(folded, 0, bigger, 0, folded.length);
            folded = bigger;
        }
        return folded;
    }

    private char[] stem(int length) {
        if (stem.length < length * 4) {
            stem = new char[length * 4];
        }
        return stem;
    }

    private static boolean isMark(int c) {
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
    }

    private static boolean contains(char[] chars, int length, char wanted) {
        for (int i = 0; i < length; i++) {
            if (chars[i] == wanted) {
                return true;
            }
        }
        return false;
    }

    /** A 64-bit hash of {@code length} chars (FNV-1a, then mixed), the same for the same word in every text. */
    static long hash(char[] chars, int offset, int length) {
        long h = 0xcbf29ce484222325L;
        for (int i = offset; i < offset + length; i++) {
            h ^= chars[i];
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
