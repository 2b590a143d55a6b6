package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeaderFieldsTest {

    private static final String HEADER = "Message-ID: <x@y.example>\r\nTo: ana@example.org,\r\n\tbob@example.org\r\nTO:  carl@example.org\r\n"
            + "not a field\r\nSubject:Entretien \u00e0 10 h\r\nReferences: <1@a>\r\n <2@b>\r\n\r\nBody: not a header\r\n";

    @Test
    void fieldsReadTheSameAsWithJakartaMailFoldedLinesAndRepeatedFieldsIncluded() throws Exception {
        byte[] bytes = HEADER.getBytes(StandardCharsets.UTF_8);
        HeaderFields fields = HeaderFields.parse(bytes, 0, bytes.length);
        InternetHeaders jakarta = new InternetHeaders(new ByteArrayInputStream(bytes), true);
        for (String name : new String[] {"Message-ID", "to", "Subject", "References", "Body", "Cc"}) {
            assertThat(fields.all(name)).as(name).isEqualTo(jakarta.getHeader(name));
            assertThat(fields.first(name)).as(name).isEqualTo(jakarta.getHeader(name, null));
        }
    }

    @Test
    void invalidUtf8BecomesReplacementCharactersNotAnError() {
        byte[] bytes = "Subject: caf\u00e9\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(HeaderFields.parse(bytes, 0, bytes.length).first("subject")).isEqualTo("caf\uFFFD");
    }
}
