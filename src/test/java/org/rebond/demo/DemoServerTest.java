package org.rebond.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's mail server keeps what it has to say in its own file, out of the narration. */
class DemoServerTest {

    /** The thread the server serves one client on, once it has made it. */
    private static Optional<Thread> clientThread(int port) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("imap:127.0.0.1:" + port + "<-")).findFirst();
    }

    @Test
    void whenAClientsConnectionEndsOnAnErrorTheServerSaysSoInItsPrivateLogNotOnTheConsole(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("greenmail.log");
        PrintStream console = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (DemoServer server = DemoServer.start(0, log); Socket client = new Socket("127.0.0.1", server.port())) {
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
            client.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).contains("OK");
            client.getOutputStream().write("a1 AUTHENTICATE PLAIN not-base64 and more\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("a1 BAD");
            Thread serving = await().atMost(Duration.ofSeconds(10)).until(() -> clientThread(server.port()), Optional::isPresent).orElseThrow();

            // What the JVM does with an exception that ends a thread, such as a client hanging up while the server writes.
            serving.getUncaughtExceptionHandler().uncaughtException(serving, new IllegalStateException("Can not handle IMAP connection",
                    new SocketException("Broken pipe")));
        } finally {
            System.setErr(console);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
        assertThat(Files.readString(log)).contains("AuthenticateCommand", "Expected end-of-line", "Broken pipe", "Can not handle IMAP connection");
    }

    @Test
    void aPortAlreadyServedIsRefusedAndLeavesNoServerBehind(@TempDir Path dir) throws Exception {
        try (DemoServer first = DemoServer.start(0, dir.resolve("first.log"))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> DemoServer.start(first.port(), dir.resolve("second.log")))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(first.greenMail().getImap().isRunning()).isTrue();
        }
    }
}
