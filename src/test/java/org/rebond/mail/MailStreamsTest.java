package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

class MailStreamsTest {

    @Test
    void pinningNamesTheProviderOnTheClassPathSoJakartaMailTakesItFromThePropertyInsteadOfSearching() throws Exception {
        MailStreams.pinProvider();

        String named = System.getProperty(MailStreams.PROPERTY);
        assertThat(named).isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(named);
        assertThat(MimeUtility.decodeText("=?UTF-8?B?RW50cmV0aWVuIGQnaW5mb3JtYXRpb24=?=")).isEqualTo("Entretien d'information");
    }
}
