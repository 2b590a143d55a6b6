package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The scan's own reading of FETCH responses, on responses written the way Dovecot, Gmail,
 * Exchange and Apple's servers write them: what it finds decides which parts are downloaded.
 */
class ImapFetchParserTest {

    private static final String HEADER = "Message-ID: <a1@example.org>\r\nFrom: =?UTF-8?Q?L=C3=A9a?= <lea@example.org>\r\n"
            + "Subject: Caf\u00e9 jeudi ?\r\n\r\n";

    private static ImapFetchParser.Fetched parse(String response) throws ImapFetchParser.Unreadable {
        byte[] b = response.getBytes(StandardCharsets.UTF_8);
        assertThat(ImapFetchParser.isFetch(b, b.length)).as("an untagged FETCH").isTrue();
        return ImapFetchParser.parse(b, b.length);
    }

    private static String literal(String s) {
        return "{" + s.getBytes(StandardCharsets.UTF_8).length + "}\r\n" + s;
    }

    @Test
    void anInvitationSentAsAlternativeWithACalendarPartIsFoundWithItsSectionEncodingAndMethod() throws Exception {
        var fetched = parse("* 12 FETCH (UID 40 RFC822.SIZE 5120 BODYSTRUCTURE ((\"text\" \"plain\" (\"charset\" \"UTF-8\") NIL NIL"
                + " \"quoted-printable\" 812 20 NIL NIL NIL NIL)(\"text\" \"calendar\" (\"charset\" \"UTF-8\" \"method\" \"request\") NIL NIL"
                + " \"base64\" 2310 30 NIL NIL NIL NIL) \"alternative\" (\"boundary\" \"b1\") NIL NIL NIL)"
                + " BODY[HEADER.FIELDS (MESSAGE-ID FROM SUBJECT)] " + literal(HEADER) + ")\r\n");

        assertThat(fetched.uid()).isEqualTo(40);
        assertThat(fetched.size()).isEqualTo(5120);
        assertThat(fetched.problem()).isEmpty();
        assertThat(fetched.parts().text()).isEqualTo(new BodyParts.Section("1", "quoted-printable", "UTF-8", 812, ""));
        assertThat(fetched.parts().calendars()).containsExactly(new BodyParts.Section("2", "base64", "UTF-8", 2310, "REQUEST"));
        assertThat(fetched.headers().first("message-id")).isEqualTo("<a1@example.org>");
        assertThat(fetched.headers().first("Subject")).isEqualTo("Caf\u00e9 jeudi ?");
    }

    @Test
    void aOnePartMessageHasItsTextAsSectionText() throws Exception {
        var fetched = parse("* 1 FETCH (BODYSTRUCTURE (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"iso-8859-1\") NIL NIL \"8BIT\" 120 4 NIL NIL NIL) UID 7)");

        assertThat(fetched.uid()).as("UID after the structure, as some servers order it").isEqualTo(7);
        assertThat(fetched.parts().text()).isEqualTo(new BodyParts.Section("TEXT", "8bit", "iso-8859-1", 120, ""));
        assertThat(fetched.headers()).as("no header asked for").isNull();
    }

    @Test
    void anAttachedIcsFileNamedInRfc2231FormIsACalendarAndAnAttachedTextIsNotTheText() throws Exception {
        var fetched = parse("* 3 FETCH (UID 9 BODYSTRUCTURE ((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 10 1 NIL"
                + " (\"attachment\" (\"filename\" \"notes.txt\")) NIL NIL)(\"application\" \"octet-stream\" (\"name*\" \"utf-8''r%C3%A9union.ics\")"
                + " NIL NIL \"base64\" 900 NIL (\"attachment\" (\"filename*0*\" \"utf-8''r%C3%A9\" \"filename*1\" \"union.ics\")) NIL NIL)"
                + " \"mixed\" (\"boundary\" \"x\") NIL NIL NIL))");

        assertThat(fetched.parts().text()).isNull();
        assertThat(fetched.parts().calendars()).extracting(BodyParts.Section::id).containsExactly("2");
    }

    @Test
    void aForwardedInvitationIsFoundButTheForwardedTextIsNotTheSenders() throws Exception {
        String inner = "((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 40 2 NIL NIL NIL NIL)(\"text\" \"calendar\""
                + " (\"method\" \"REQUEST\") NIL NIL \"7bit\" 700 12 NIL NIL NIL NIL) \"alternative\" (\"boundary\" \"in\") NIL NIL NIL)";
        String envelope = "(\"Mon, 2 Nov 2026 10:00:00 +0100\" \"Entretien\" ((\"Ana\" NIL \"ana\" \"example.org\")) NIL NIL NIL NIL NIL NIL \"<i@x>\")";
        var fetched = parse("* 5 FETCH (UID 11 BODYSTRUCTURE ((\"text\" \"plain\" NIL NIL NIL \"7bit\" 30 1 NIL NIL NIL NIL)"
                + "(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 2000 " + envelope + " " + inner + " 60 NIL NIL NIL NIL)"
                + " \"mixed\" (\"boundary\" \"out\") NIL NIL NIL))");

        assertThat(fetched.parts().text().id()).isEqualTo("1");
        assertThat(fetched.parts().calendars()).extracting(BodyParts.Section::id).containsExactly("2.2");
    }

    @Test
    void stringsAsLiteralsAndEscapedQuotesAreRead() throws Exception {
        var fetched = parse("* 2 FETCH (UID 3 BODYSTRUCTURE (\"text\" \"calendar\" (\"name\" " + literal("x \"y\".ics") + ") NIL \"a \\\"quoted\\\" one\""
                + " \"7bit\" 55 2 NIL NIL NIL))");

        assertThat(fetched.problem()).isEmpty();
        assertThat(fetched.parts().calendars()).extracting(BodyParts.Section::id).containsExactly("TEXT");
    }

    @Test
    void downloadedSectionsInternalDateAndFlagsAreTakenAsTheyCome() throws Exception {
        var fetched = parse("* 8 FETCH (UID 20 FLAGS (\\Seen $Forwarded) MODSEQ (1234) INTERNALDATE \" 2-Nov-2026 09:05:00 +0100\""
                + " BODY[2]<0> " + literal("BEGIN:VCALENDAR\r\n") + " BODY[1.TEXT] NIL)");

        assertThat(fetched.sections()).containsOnlyKeys("2", "1.TEXT");
        assertThat(new String(fetched.sections().get("2"), StandardCharsets.UTF_8)).isEqualTo("BEGIN:VCALENDAR\r\n");
        assertThat(fetched.sections().get("1.TEXT")).isEmpty();
        assertThat(fetched.internalDate().toInstant()).isEqualTo(Instant.parse("2026-11-02T08:05:00Z"));
    }

    @Test
    void aStructureNestedTenThousandDeepIsThatMessagesProblemAndTheRestIsStillRead() throws Exception {
        String deep = "(".repeat(10_000) + "\"text\" \"plain\" NIL NIL NIL \"7bit\" 1 1" + ")".repeat(10_000);
        var fetched = parse("* 4 FETCH (UID 77 BODYSTRUCTURE " + deep + " BODY[HEADER.FIELDS (SUBJECT)] " + literal("Subject: hi\r\n\r\n") + ")");

        assertThat(fetched.uid()).isEqualTo(77);
        assertThat(fetched.problem()).contains("structure could not be read").contains("nested more than");
        assertThat(fetched.parts()).isEqualTo(BodyParts.NONE);
        assertThat(fetched.headers().first("Subject")).isEqualTo("hi");
    }

    @Test
    void aStructureOutsideTheGrammarIsThatMessagesProblem() throws Exception {
        var fetched = parse("* 4 FETCH (UID 78 BODYSTRUCTURE (\"text\" \"plain\" NIL NIL NIL \"7bit\" 1 1 \"unterminated) RFC822.SIZE 10)");

        assertThat(fetched.uid()).isEqualTo(78);
        assertThat(fetched.problem()).contains("could not be read").contains("closing quote");
        assertThat(fetched.parts()).isEqualTo(BodyParts.NONE);
    }

    @Test
    void aResponseCutShortIsThatMessagesProblemOrUnreadableBeforeItsUidAndOtherResponsesAreNotFetches() throws Exception {
        assertThat(parse("* 4 FETCH (UID 78 BODY[TEXT] {500}\r\nshort)").problem()).contains("500 bytes");
        byte[] cut = "* 4 FETCH (BODY[TEXT] {500}\r\nshort UID 78)".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> ImapFetchParser.parse(cut, cut.length)).isInstanceOf(ImapFetchParser.Unreadable.class)
                .hasMessageContaining("500 bytes");
        for (String other : new String[] {"* 12 EXISTS", "* OK [HIGHESTMODSEQ 4] ok", "A7 OK FETCH completed", "* VANISHED (EARLIER) 3:4"}) {
            byte[] b = other.getBytes(StandardCharsets.US_ASCII);
            assertThat(ImapFetchParser.isFetch(b, b.length)).as(other).isFalse();
        }
    }
}
