package org.rebond.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Untrusted input: whatever the messages hold (one word over and over, random Unicode, huge or
 * countless texts, shapes that make regular expressions backtrack), the finder reads a bounded
 * amount and answers with sane terms. These tests time nothing; a hang or a quadratic blow-up
 * shows as a build that never ends.
 */
class VocabularyBoundsTest {

    private static final VocabularyFinder FINDER = new VocabularyFinder();
    private static final Background MAILBOX = FINDER.background(MailboxFixture.mailbox(120, 1));

    @Test
    void oneWordRepeatedGivesThatWordAloneNeverAPhraseOfItself() {
        String text = "interopérabilité ".repeat(4_000 / 17);

        Vocabulary found = FINDER.find(List.of(text, text), MAILBOX, Locale.FRENCH, List.of(), 12);

        assertThat(found.enoughText()).isTrue();
        assertThat(found.terms()).extracting(Term::shown).containsExactly("interopérabilité");
        assertThat(found.terms().get(0).uses()).isEqualTo(2 * (4_000 / 17));
        assertSane(found, List.of(text));
    }

    @Test
    void randomUnicodeEndsWithSaneTerms() {
        Random random = new Random(20_240_312);
        List<String> texts = new ArrayList<>();
        for (int t = 0; t < 60; t++) {
            StringBuilder text = new StringBuilder();
            while (text.length() < 4_000) {
                int kind = random.nextInt(10);
                int codePoint = switch (kind) {
                    case 0 -> random.nextInt(0x20);                    // control characters
                    case 1 -> 0x300 + random.nextInt(0x70);            // combining marks
                    case 2 -> 0x4E00 + random.nextInt(0x5000);         // CJK
                    case 3 -> 0x1F300 + random.nextInt(0x300);         // emoji, outside the BMP
                    case 4 -> 0x10000 + random.nextInt(0xFFFF);        // anything outside the BMP
                    case 5 -> 0x590 + random.nextInt(0x200);           // Hebrew and Arabic
                    case 6 -> " \n\t.,;:'’-_@>/".charAt(random.nextInt(14));
                    default -> random.nextBoolean() ? 'a' + random.nextInt(26) : 'A' + random.nextInt(26);
                };
                if (!Character.isSurrogate((char) codePoint) || codePoint > 0xFFFF) {
                    text.appendCodePoint(codePoint);
                }
            }
            texts.add(text.toString());
        }
        Background noise = FINDER.background(texts);

        Vocabulary found = FINDER.find(texts, noise, Locale.ENGLISH, List.of("Zq Xw"), 12);
        Vocabulary againstMailbox = FINDER.find(texts, MAILBOX, Locale.FRENCH, List.of(), 12);

        assertSane(found, texts);
        assertSane(againstMailbox, texts);
    }

    @Test
    void shapesThatMakeRegularExpressionsBacktrackAreReadInOnePass() {
        List<String> texts = List.of(
                "a".repeat(3_999) + "@",                                  // an address that never ends
                "x".repeat(2_000) + "@" + "y".repeat(1_998) + ".",
                "On " + "very ".repeat(790) + "wrote",                    // an attribution that never ends
                ">".repeat(4_000),
                "_".repeat(4_000),
                "-".repeat(4_000),
                "Best regards,\n".repeat(280),
                "This message ".repeat(300) + "is confidential",
                "données de santé ".repeat(235),
                "LCB-FT-".repeat(570),
                ("Meeting ID: 123 456\n").repeat(200),
                "https://" + "a".repeat(3_990));

        Vocabulary found = FINDER.find(texts, MAILBOX, Locale.FRENCH, List.of(), 12);

        assertSane(found, texts);
        for (String text : texts) {
            assertThat(ContactText.ownWords(text).length()).isLessThanOrEqualTo(text.length());
        }
    }

    @Test
    void hugeAndCountlessTextsAreReadUpToTheirLimits() {
        String huge = "Le référentiel HDS encadre l'hébergement des données de santé. ".repeat(20_000);
        List<String> countless = Collections.nCopies(50_000, "The cold chain drives the safety stock of every SKU we ship.");

        Vocabulary fromHuge = FINDER.find(List.of(huge), MAILBOX, Locale.FRENCH, List.of(), 12);
        Vocabulary fromCountless = FINDER.find(countless, MAILBOX, Locale.ENGLISH, List.of(), 12);
        Background countlessMailbox = FINDER.background(Collections.nCopies(VocabularyFinder.MAX_BACKGROUND_TEXTS + 3_000, "Le ZAN."));
        Background hugeMailbox = FINDER.background(List.of(huge, huge));

        assertThat(fromHuge.wordsRead()).isLessThanOrEqualTo(ContactText.MAX_CHARS / 4);
        assertThat(fromCountless.wordsRead()).isLessThanOrEqualTo(VocabularyFinder.MAX_CONTACT_CHARS / 4);
        assertThat(countlessMailbox.textsRead()).isEqualTo(VocabularyFinder.MAX_BACKGROUND_TEXTS);
        assertThat(countlessMailbox.wordsRead()).isEqualTo(VocabularyFinder.MAX_BACKGROUND_TEXTS);
        assertThat(hugeMailbox.wordsRead()).isLessThanOrEqualTo(2L * ContactText.MAX_CHARS / 4);
        assertSane(fromHuge, List.of(huge));
        assertSane(fromCountless, countless.subList(0, 10));
    }

    @Test
    void nullsAreSkipped() {
        List<String> texts = new ArrayList<>(MailboxFixture.contact(MailboxFixture.PRODUCT));
        texts.add(1, null);
        List<String> mailbox = new ArrayList<>(MailboxFixture.ordinary(50, 2));
        mailbox.add(null);

        Vocabulary found = FINDER.find(texts, FINDER.background(mailbox), null, java.util.Arrays.asList("Priya", null), 12);

        assertThat(found.terms()).extracting(Term::shown).contains("discovery interviews");
        assertThat(FINDER.background(null).textsRead()).isZero();
    }

    private static void assertSane(Vocabulary found, List<String> texts) {
        String written = String.join(" ", texts.stream().map(ContactText::ownWords).map(s -> s.replaceAll("\\s+", " ")).toList());
        assertThat(found.terms()).hasSizeLessThanOrEqualTo(12);
        assertThat(found.wordsRead()).isNotNegative();
        for (Term term : found.terms()) {
            assertThat(term.shown()).isNotBlank().doesNotContain("\n").isEqualTo(term.shown().strip());
            assertThat(written).contains(term.shown());
            assertThat(term.context()).hasSizeLessThanOrEqualTo(Contexts.MAX_CHARS).doesNotContain("\n");
            assertThat(term.uses()).isPositive();
        }
    }
}
