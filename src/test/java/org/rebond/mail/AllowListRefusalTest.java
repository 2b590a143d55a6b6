package org.rebond.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.net.SocketException;
import org.junit.jupiter.api.Test;

/** A connection the unit's address list refused says what to run; other failures do not pretend to be that. */
class AllowListRefusalTest {

    @Test
    void aConnectRefusedWithOperationNotPermittedNamesTheAllowlistCommand() {
        MessagingException refused = new MessagingException("Couldn't connect to host", new SocketException("Operation not permitted"));

        assertThat(ImapConnector.refusedByTheAllowList(refused)).contains("address list does not allow this server's address",
                "rebond allowlist --config FILE --write", "systemctl daemon-reload", "systemctl restart rebond");
    }

    @Test
    void aServerThatIsDownIsNotBlamedOnTheAllowList() {
        MessagingException down = new MessagingException("Couldn't connect to host", new ConnectException("Connection refused"));

        assertThat(ImapConnector.refusedByTheAllowList(down)).isEmpty();
    }
}
