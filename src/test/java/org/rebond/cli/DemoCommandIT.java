package org.rebond.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.i18n.LanguageCheck;

/**
 * The README's first command, {@code rebond demo --until-done}, in French and in English (about
 * three minutes, the English one in a process of its own at the same time), while a mail client stumbles on the demo mailbox: it opens a connection,
 * sends a malformed AUTHENTICATE and hangs up without a word, which is what made the embedded
 * server fill the console with warnings and stack traces.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoCommandIT {

    /** One demo run: what it printed, what reached the console beside it, and what the rude client got. */
    private record Run(int exitCode, String out, String err, String console, Path state, String serverAnswer) {}

    /** The English demo runs in a process of its own beside the French one, so the two stories take the time of one. */
    @TempDir
    static Path englishDir;
    private static CompletableFuture<Run> english;

    @BeforeAll
    static void startTheEnglishDemoInItsOwnProcess() {
        english = CompletableFuture.supplyAsync(() -> demoInAChildProcess("en", englishDir.resolve("state")));
    }

    /** First, while the English demo runs beside it: the other way round, the two stories would take the time of two. */
    @Test
    @Order(1)
    void theFrenchDemoSpeaksFrenchNamesTheRealFoldersAndKeepsTheMailServersNoiseInItsOwnFile(@TempDir Path dir) throws Exception {
        Run run = quietDemoWithARudeClient("fr", dir.resolve("state"));

        assertThat(LanguageCheck.linesInTheOtherLanguage(run.out(), Locale.FRENCH)).isEmpty();
        assertThat(run.out()).contains("Remerciement préparé dans « Drafts »", "Fiche de préparation déposée dans « INBOX »")
                .doesNotContain("Brouillons").doesNotContain("dossier Drafts").doesNotContain("client mail").doesNotContain("Ouvrez");
        assertThat(lastLines(run.out(), 3)).containsExactly(
                "Terminé : chaque action a eu lieu, rien n'a été envoyé ; les brouillons ont été préparés dans « Drafts ».",
                "La boîte de démonstration est maintenant fermée. L'état de rebond reste dans " + run.state()
                        + " ; pour le consulter :",
                "  rebond status --config " + run.state().resolve("rebond.yaml"));
    }

    @Test
    @Order(2)
    void theEnglishDemoSpeaksEnglishNamesTheRealFoldersAndKeepsTheMailServersNoiseInItsOwnFile() throws Exception {
        Run run = checked(english.get(10, TimeUnit.MINUTES));

        assertThat(LanguageCheck.linesInTheOtherLanguage(run.out(), Locale.ENGLISH)).isEmpty();
        assertThat(run.out()).contains("Thank-you drafted in \"Drafts\"", "Prep brief delivered to \"INBOX\"")
                .doesNotContain("mail client").doesNotContainIgnoringCase("open the mailbox");
        assertThat(lastLines(run.out(), 3)).containsExactly(
                "Done: every action took place and nothing was sent; the drafts were made in \"Drafts\".",
                "The demo mailbox is now closed. rebond's state stays in " + run.state() + "; to look at it:",
                "  rebond status --config " + run.state().resolve("rebond.yaml"));
    }

    /**
     * Runs the demo to its end and checks what both languages share: the story told whole, nothing
     * of the mail server's on the console, its log in its own private file, said once.
     */
    private static Run quietDemoWithARudeClient(String language, Path state) throws Exception {
        PrintStream console = System.err;
        ByteArrayOutputStream beside = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new Both(console, beside), true, StandardCharsets.UTF_8));
        Run run;
        try {
            run = demo(language, state, beside);
        } finally {
            System.setErr(console);
        }
        return checked(run);
    }

    /** What every run must show, in the same process or its own. */
    private static Run checked(Run run) throws Exception {
        Path state = run.state();
        assertThat(run.serverAnswer()).as("the server read the rude client's command").contains("a1 BAD");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.console()).as("what reached the console beside the narration")
                .doesNotContain("WARN").doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("AUTHENTICATE");
        assertThat(run.out()).doesNotContain("WARN").doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("connection lost").contains("Julie Bernard", "Marc Lefèvre");
        Path log = state.resolve("greenmail.log");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
        assertThat(Files.readString(log)).as("the server's own log holds what the rude client caused").contains("AUTHENTICATE");
        assertThat(occurrences(run.out(), log.toString())).as("where the server's log is, said once").isEqualTo(1);
        return run;
    }

    /** Runs {@code demo --until-done} through rebond's command line, with a rude client once the mailbox is up. */
    private static Run demo(String language, Path state, ByteArrayOutputStream console) {
        try {
            int port = freePort();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CompletableFuture<Integer> exit;
            try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
                exit = CompletableFuture.supplyAsync(() -> Main.execute(new String[] {"demo", "--lang", language, "--until-done",
                        "--port", Integer.toString(port), "--state", state.toString()}, o, e, Clock.systemUTC()));
                await().atMost(Duration.ofMinutes(1)).until(() -> out.toString().contains("127.0.0.1:" + port) || exit.isDone());
                String answer = rudeClient(port);
                int code = exit.get();
                return new Run(code, out.toString(), err.toString(), console.toString(StandardCharsets.UTF_8), state, answer);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code demo --until-done} as a user does, in a Java process of its own (what it prints on
     * standard error is the console), with a rude client once the mailbox is up.
     */
    private static Run demoInAChildProcess(String language, Path state) {
        try {
            int port = freePort();
            Path out = state.resolveSibling(language + "-out.txt");
            Path console = state.resolveSibling(language + "-console.txt");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.rebond.cli.Main", "demo",
                    "--lang", language, "--until-done", "--port", Integer.toString(port), "--state", state.toString())
                    .redirectOutput(out.toFile()).redirectError(console.toFile()).start();
            try {
                await().atMost(Duration.ofMinutes(2)).until(() -> Files.readString(out).contains("127.0.0.1:" + port) || !process.isAlive());
                String answer = rudeClient(port);
                assertThat(process.waitFor(8, TimeUnit.MINUTES)).as("the demo ends within eight minutes").isTrue();
                return new Run(process.exitValue(), Files.readString(out), "", Files.readString(console), state, answer);
            } finally {
                process.destroyForcibly();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens a connection, sends a malformed AUTHENTICATE, reads the answer and resets the connection. */
    private static String rudeClient(int port) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String greeting = in.readLine();
            OutputStream raw = socket.getOutputStream();
            raw.write("a1 AUTHENTICATE PLAIN not-base64 and more\r\n".getBytes(StandardCharsets.US_ASCII));
            raw.flush();
            String answer = in.readLine();
            socket.setSoLinger(true, 0);
            return greeting + "\n" + answer;
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private static List<String> lastLines(String text, int n) {
        List<String> lines = text.strip().lines().toList();
        return lines.subList(lines.size() - n, lines.size());
    }

    /** Writes to the console and keeps a copy. */
    private static final class Both extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Both(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            first.flush();
        }
    }
}
