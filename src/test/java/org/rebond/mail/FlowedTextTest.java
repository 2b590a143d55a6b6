package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link FlowedText} on texts drawn at random from the characters that make wrapping hard. */
class FlowedTextTest {

    private static final String[] PIECES = {"a", "word", "Lorem", " ", " ", " ", "  ", "\u00A0", "\u202F", ">", "-- ", "--", "From ", "From",
        "\n", "\n", "\r\n", "?", "!", ":", ";", "«", "»", "é", "\uD83D\uDE00", "x".repeat(80), "\t", "- ", "1. "};

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(120);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    @Test
    void anyTextComesBackExactlyWhenReadAsFlowedAndNoBreakableLinePassesTheWidth() {
        Random random = new Random(20250309);
        int cuts = 0;
        for (int i = 0; i < 5_000; i++) {
            String text = randomText(random);

            String encoded = FlowedText.encode(text);

            String source = text.replace("\r\n", "\n");
            assertThat(FlowedText.decode(encoded, false)).as("text %s encoded as %s", source, encoded).isEqualTo(source);
            for (String line : encoded.split("\r\n", -1)) {
                assertThat(line).as("in %s", encoded).doesNotStartWith("From ").doesNotStartWith(">");
                String content = line.startsWith(" ") ? line.substring(1) : line;
                if (content.endsWith(" ") && !content.isBlank() && !content.equals("-- ")) {
                    cuts++;
                }
                if (columns(withoutTrailingSpaces(content)) > FlowedText.WIDTH) {
                    assertThat(hasAllowedBreakWithinWidth(content)).as("line '%s' of %s passes the width with a break allowed", line, encoded)
                            .isFalse();
                }
            }
        }
        assertThat(cuts).as("soft breaks written: the texts were long enough to be wrapped").isGreaterThan(2_000);
    }

    private static String withoutTrailingSpaces(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    private static int columns(String s) {
        return s.codePointCount(0, s.length());
    }

    /**
     * Whether the line could have been cut within the width: after a run of spaces that follows a
     * word, is followed by one, and is not French spacing written with ordinary spaces.
     */
    private static boolean hasAllowedBreakWithinWidth(String content) {
        for (int i = 1; i < content.length(); i++) {
            if (content.charAt(i - 1) != ' ' || content.charAt(i) == ' ') {
                continue;
            }
            String before = withoutTrailingSpaces(content.substring(0, i));
            if (before.isEmpty()) {
                continue;
            }
            if (columns(before) > FlowedText.WIDTH) {
                return false;
            }
            boolean french = before.endsWith("«") || "?!:;»".indexOf(content.charAt(i)) >= 0;
            boolean separator = content.substring(0, i).equals("-- ") || content.substring(i).equals("-- ");
            if (!french && !separator) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aTextWithoutLineBreakOrLongLineIsWrittenAsItIs() {
        assertThat(FlowedText.encode("Thank you.")).isEqualTo("Thank you.");
        assertThat(FlowedText.encode("")).isEmpty();
        assertThat(FlowedText.encode("a\nb\n")).isEqualTo("a\r\nb\r\n");
    }

    @Test
    void aLineOfSpacesOnlyIsStuffedAndClosedByAnEmptyLine() {
        assertThat(FlowedText.encode("   ")).isEqualTo("    \r\n");
        assertThat(FlowedText.decode("    \r\n", false)).isEqualTo("   ");
    }
}
