package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import org.junit.jupiter.api.Test;

class HeaderSafetyTest {

    @Test
    void aWellFormedMessageIdIsKeptAsWritten() {
        assertThat(HeaderSafety.messageId("  <CAF=x+y.123@mail.gmail.com>\t")).contains("<CAF=x+y.123@mail.gmail.com>");
    }

    @Test
    void aMessageIdCarryingCrLfAndABccHeaderIsRefused() {
        assertThat(HeaderSafety.messageId("<a@b.example>\r\nBcc: victim@evil.example")).isEmpty();
        assertThat(HeaderSafety.messageId("<a\r\nBcc: victim@evil.example@b.example>")).isEmpty();
        assertThat(HeaderSafety.messageId("<a@b.example\u0000>")).isEmpty();
    }

    @Test
    void malformedMessageIdsAreRefused() {
        assertThat(HeaderSafety.messageId(null)).isEmpty();
        assertThat(HeaderSafety.messageId("")).isEmpty();
        assertThat(HeaderSafety.messageId("a@b.example")).isEmpty();
        assertThat(HeaderSafety.messageId("<no-at-sign>")).isEmpty();
        assertThat(HeaderSafety.messageId("<a b@c.example>")).isEmpty();
        assertThat(HeaderSafety.messageId("<a@b.example><c@d.example>")).isEmpty();
        assertThat(HeaderSafety.messageId("<" + "x".repeat(300) + "@b.example>")).isEmpty();
    }

    @Test
    void aReferencesHeaderKeepsOnlyTheWellFormedIdsInOrder() {
        assertThat(HeaderSafety.messageIds("<1@a.example> junk <2@b.example>\r\nBcc: victim@evil.example <3@c.example> <bad>"))
                .containsExactly("<1@a.example>", "<2@b.example>", "<3@c.example>");
        assertThat(HeaderSafety.messageIds(null)).isEmpty();
    }

    @Test
    void aReferencesHeaderIsCappedAtFiftyIds() {
        String many = String.join(" ", Collections.nCopies(80, "<id@a.example>"));

        assertThat(HeaderSafety.messageIds(many)).hasSize(50);
    }

    @Test
    void oneLineTurnsEveryControlCharacterIntoASpace() {
        assertThat(HeaderSafety.oneLine("Claire\r\nBcc: victim@evil.example")).isEqualTo("Claire Bcc: victim@evil.example");
        assertThat(HeaderSafety.oneLine("a\u0000b\tc\u007Fd\u2028e\u2029f")).isEqualTo("a b c d e f");
        assertThat(HeaderSafety.oneLine(null)).isEmpty();
        assertThat(HeaderSafety.oneLine("  Zoë  Ångström ")).isEqualTo("Zoë Ångström");
    }
}
