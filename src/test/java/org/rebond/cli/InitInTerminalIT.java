package org.rebond.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.config.ConfigLoader;
import org.rebond.config.RebondConfig;

/**
 * {@code rebond init} typed in a real terminal: rebond's main class runs under util-linux
 * {@code script}, which gives it a pseudo-terminal, and the test answers each question once it
 * is on the screen. The terminal echoes what is typed, except the password.
 */
class InitInTerminalIT {

    private static final String EMAIL = "camille.martin@example.org";
    private static final String PASSWORD = "Tr0ub4dor-and-3";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private GreenMail greenMail;

    @BeforeEach
    void startMailServer() {
        greenMail = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
        greenMail.start();
        greenMail.setUser(EMAIL, EMAIL, PASSWORD);
    }

    @AfterEach
    void stopMailServer() {
        greenMail.stop();
    }

    @Test
    void aFrenchUserAnswersInATerminalThePasswordIsNotEchoedAndTheFilesAreWrittenAndChecked() throws Exception {
        Path config = dir.resolve("conf").resolve("rebond.yaml");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = String.join(" ", List.of(java, "-cp", System.getProperty("java.class.path"), "org.rebond.cli.Main", "init",
                "--config", config.toString(), "--database", dir.resolve("state").resolve("rebond.db").toString())
                .stream().map(InitInTerminalIT::shellQuoted).toList());
        ProcessBuilder builder = new ProcessBuilder("script", "-qec", command, "/dev/null").redirectErrorStream(true);
        builder.environment().put("LANG", "C.UTF-8");
        builder.environment().remove("LC_ALL");
        builder.environment().remove("LC_MESSAGES");
        Process process = builder.start();
        Screen screen = new Screen(process.getInputStream());
        try (OutputStream keyboard = process.getOutputStream()) {
            answer(screen, keyboard, "Language / langue (en, fr) [en]: ", "fr");
            answer(screen, keyboard, "dans vos messages : ", "Camille Martin");
            answer(screen, keyboard, "lectronique : ", EMAIL);
            answer(screen, keyboard, "pas) : ", "");
            answer(screen, keyboard, "Votre fuseau horaire [", "Europe/Paris");
            answer(screen, keyboard, "plus tard) : ", "devenir product manager");
            answer(screen, keyboard, "pour passer) : ", "");
            answer(screen, keyboard, "Num", "0");
            answer(screen, keyboard, "imap.exemple.fr) : ", "127.0.0.1");
            answer(screen, keyboard, "[tls] : ", "none");
            answer(screen, keyboard, "Port [143] : ", String.valueOf(greenMail.getImap().getPort()));
            answer(screen, keyboard, "[" + EMAIL + "] : ", "");
            answer(screen, keyboard, "Num", "1");
            answer(screen, keyboard, "(invisible pendant la frappe) : ", PASSWORD);
            assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("init ended; screen:%n%s", screen.text()).isTrue();
        } finally {
            process.destroyForcibly();
        }
        screen.awaitEnd();
        String shown = screen.text();

        assertThat(process.exitValue()).as(shown).isZero();
        assertThat(shown).contains("Camille Martin").contains("devenir product manager") // typed answers are echoed
                .doesNotContain(PASSWORD)
                .contains("Mot de passe écrit dans " + config.resolveSibling("imap-password"))
                .contains("Tout est en ordre");
        assertThat(Files.readString(config.resolveSibling("imap-password"))).isEqualTo(PASSWORD + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
        RebondConfig loaded = new ConfigLoader().load(config);
        assertThat(loaded.profile().name()).isEqualTo("Camille Martin");
        assertThat(loaded.profile().objective()).isEqualTo("devenir product manager");
        assertThat(loaded.mailbox().port()).isEqualTo(greenMail.getImap().getPort());
    }

    /** Waits until the screen shows {@code prompt} after what was answered so far, then types {@code typed} and Enter. */
    private static void answer(Screen screen, OutputStream keyboard, String prompt, String typed) throws IOException, InterruptedException {
        screen.awaitAndSkip(prompt);
        keyboard.write((typed + "\r").getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    private static String shellQuoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** What the terminal shows, read on a thread of its own; prompts are awaited with a bound. */
    private static final class Screen {
        private final StringBuilder text = new StringBuilder();
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private final Thread reader;
        private boolean ended;
        private int seen;

        Screen(InputStream in) {
            reader = new Thread(() -> {
                byte[] buffer = new byte[4096];
                try (in) {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException ignored) {
                    // the process ended
                } finally {
                    lock.lock();
                    try {
                        ended = true;
                        changed.signalAll();
                    } finally {
                        lock.unlock();
                    }
                }
            }, "terminal-screen");
            reader.setDaemon(true);
            reader.start();
        }

        private void append(String s) {
            lock.lock();
            try {
                text.append(s);
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        void awaitAndSkip(String prompt) throws InterruptedException {
            long left = PATIENCE.toNanos();
            lock.lock();
            try {
                int at;
                while ((at = text.indexOf(prompt, seen)) < 0) {
                    if (ended || left <= 0) {
                        throw new AssertionError("the terminal never showed \"" + prompt + "\"; it shows:\n" + text);
                    }
                    left = changed.awaitNanos(left);
                }
                seen = at + prompt.length();
            } finally {
                lock.unlock();
            }
        }

        void awaitEnd() throws InterruptedException {
            reader.join(PATIENCE.toMillis());
        }

        String text() {
            lock.lock();
            try {
                return text.toString();
            } finally {
                lock.unlock();
            }
        }
    }
}
