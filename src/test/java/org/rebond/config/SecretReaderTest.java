package org.rebond.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretReaderTest {
    private static final String SECRET = "c0rrect-h0rse-b4ttery";

    @TempDir
    Path dir;

    private final Map<String, String> environment = new HashMap<>();
    private final SecretReader reader = new SecretReader(environment::get, Duration.ofSeconds(1));

    private Path secretFile(String content, String mode) throws IOException {
        Path file = dir.resolve("imap-password");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    private static RebondConfig.Secret file(Path p) {
        return new RebondConfig.Secret(p, null, null);
    }

    private static RebondConfig.Secret command(String... argv) {
        return new RebondConfig.Secret(null, null, List.of(argv));
    }

    @Test
    void aFileOnlyItsOwnerCanReadGivesItsContentWithoutTheTrailingNewline() throws IOException {
        assertThat(reader.read(file(secretFile(SECRET + "\n", "rw-------")))).containsExactly(SECRET.toCharArray());
        assertThat(reader.read(file(secretFile(SECRET + "\r\n", "r--------")))).containsExactly(SECRET.toCharArray());
        assertThat(reader.read(file(secretFile(" spaces kept \n\n", "rw-------")))).containsExactly(" spaces kept \n".toCharArray());
    }

    @Test
    void aFileOthersCanReadIsRefusedWithTheFix() throws IOException {
        Path exposed = secretFile(SECRET, "rw-r--r--");

        assertThatThrownBy(() -> reader.read(file(exposed)))
                .isInstanceOf(SecretException.class)
                .hasMessageContaining("password file " + exposed + " can be read or written by other users (mode 644)")
                .hasMessageContaining("chmod 600 " + exposed)
                .hasMessageContaining("LoadCredential=")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> reader.read(file(secretFile(SECRET, "rw--w----"))))
                .hasMessageContaining("(mode 620)");
    }

    @Test
    void aFileOwnedBySomeoneElseIsRefused() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a file away");
        Path given = secretFile(SECRET, "rw-------");
        Files.setOwner(given, FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));

        assertThatThrownBy(() -> reader.read(file(given)))
                .hasMessageContaining("belongs to nobody, not to root")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void aMissingOrEmptyFileIsNamed() throws IOException {
        Path absent = dir.resolve("absent");

        assertThatThrownBy(() -> reader.read(file(absent)))
                .hasMessageContaining("password file " + absent + " does not exist");
        assertThatThrownBy(() -> reader.read(file(secretFile("\n", "rw-------"))))
                .hasMessageEndingWith("gave an empty password");
    }

    @Test
    void aSystemdCredentialIsReadFromTheCredentialsDirectory() throws IOException {
        Path credentials = Files.createDirectories(dir.resolve("credentials"));
        Files.writeString(credentials.resolve("imap-password"), SECRET);
        environment.put("CREDENTIALS_DIRECTORY", credentials.toString());

        assertThat(reader.read(new RebondConfig.Secret(null, "imap-password", null))).containsExactly(SECRET.toCharArray());
        assertThatThrownBy(() -> reader.read(new RebondConfig.Secret(null, "other", null)))
                .hasMessageContaining("credential other is not in $CREDENTIALS_DIRECTORY")
                .hasMessageContaining("LoadCredential=other:");
    }

    @Test
    void aCredentialOutsideSystemdSaysToUseLoadCredential() {
        assertThatThrownBy(() -> reader.read(new RebondConfig.Secret(null, "imap-password", null)))
                .isInstanceOf(SecretException.class)
                .hasMessageContaining("$CREDENTIALS_DIRECTORY is not set")
                .hasMessageContaining("LoadCredential=imap-password:");
    }

    @Test
    void aCommandGivesTheFirstLineOfItsOutput() {
        assertThat(reader.read(command("printf", SECRET + "\\nsecond line\\n"))).containsExactly(SECRET.toCharArray());
    }

    @Test
    void aCommandGetsNoInput() {
        // cat copies its input: with stdin closed it prints nothing and ends at once.
        assertThatThrownBy(() -> reader.read(command("cat"))).hasMessage("password command cat gave an empty password");
    }

    @Test
    void aFailingCommandReportsItsNameAndExitCodeButNeverItsOutput() {
        SecretException e = catchThrowableOfType(SecretException.class,
                () -> reader.read(command("sh", "-c", "echo " + SECRET + "; echo " + SECRET + " >&2; exit 3")));

        assertThat(e.getMessage())
                .startsWith("password command sh failed with exit code 3")
                .doesNotContain(SECRET)
                .doesNotContain("echo");
    }

    @Test
    void aCommandThatHangsIsStoppedAtTheTimeout() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> reader.read(command("sleep", "30")))
                .hasMessage("password command sleep did not finish within 1s and was stopped;"
                        + " check that it needs no input (rebond gives it none)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aCommandThatDoesNotExistIsNamed() {
        assertThatThrownBy(() -> reader.read(command("/nonexistent/rebond-pass", SECRET)))
                .hasMessage("password command /nonexistent/rebond-pass could not be started (not found or not executable);"
                        + " check mailbox.password_command");
    }

    @Test
    void aSecretSourcePrintsWhereTheSecretLivesNeverTheSecret() {
        assertThat(command("pass", "show", "mail/imap").toString()).isEqualTo("Secret[command=pass …]");
        assertThat(new RebondConfig.Secret(null, "imap-password", null).toString()).isEqualTo("Secret[credential=imap-password]");
    }
}
