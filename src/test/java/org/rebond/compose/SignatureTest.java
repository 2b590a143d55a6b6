package org.rebond.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a brief says of a contact from the signature of their latest message. */
class SignatureTest {

    @Test
    void aPhoneNumberIsReadFromTheSignatureBlock() {
        Signature s = Signature.read(List.of("Happy to meet.\n\n--\nJeanne Roe\nProduct Manager, Acme Health\n+33 1 23 45 67 89\n"));

        assertThat(s.phone()).isEqualTo("+33 1 23 45 67 89");
        assertThat(s.title()).isEqualTo("Product Manager");
        assertThat(s.organization()).isEqualTo("Acme Health");
    }

    @Test
    void theDigitsOfAnAddressInALinkAreNoPhoneNumber() {
        Signature s = Signature.read(List.of("See you.\n\n--\nJeanne Roe\nProduct Manager, Acme Health\nhttp://127.0.0.1:8080/calendar/123456789\n"));

        assertThat(s.phone()).isEmpty();
        assertThat(s.title()).isEqualTo("Product Manager");
    }

    @Test
    void anIpAddressOrAMailAddressWithDigitsIsNoPhoneNumberEither() {
        Signature ip = Signature.read(List.of("--\nJeanne Roe\nEngineer, Acme\nserver 192.168.100.200\n"));
        Signature mail = Signature.read(List.of("--\nJeanne Roe\nEngineer, Acme\njeanne.0612345678@acme.example\n"));

        assertThat(ip.phone()).isEmpty();
        assertThat(mail.phone()).isEmpty();
    }

    @Test
    void aMeetingIdOrPasscodeOfAVideoCallIsNoPhoneNumber() {
        Signature teams = Signature.read(List.of("Join the meeting now\nMeeting ID: 352 114 889 021\nPasscode: 48213377\n"));
        Signature french = Signature.read(List.of("Rejoindre la réunion\nID de réunion : 352 114 889 021\nCode secret : 4821 3377\n"));

        assertThat(teams.phone()).isEmpty();
        assertThat(french.phone()).isEmpty();
    }
}
