package org.rebond.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rebond doctor} against a real IMAP server (GreenMail on loopback, which has no SPECIAL-USE). */
class DoctorIT {

    private static final String EMAIL = "camille.martin@example.org";
    private static final String PASSWORD = "c0rrect-Horse-9";

    @TempDir
    Path dir;

    private GreenMail greenMail;
    private GreenMailUser user;
    private ImapHostManager imap;

    @BeforeEach
    void startMailServer() {
        greenMail = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
        greenMail.start();
        user = greenMail.setUser(EMAIL, EMAIL, PASSWORD);
        imap = greenMail.getManagers().getImapHostManager();
    }

    @AfterEach
    void stopMailServer() {
        greenMail.stop();
    }

    private void createFolders(String... names) throws Exception {
        for (String name : names) {
            imap.createMailbox(user, name);
        }
    }

    private Path config(String password, String mailboxExtra) throws Exception {
        Path passwordFile = Cli.passwordFile(dir, password, "rw-------");
        return Files.writeString(dir.resolve("rebond.yaml"), Cli.config(dir, "en", "Europe/Paris", "127.0.0.1",
                greenMail.getImap().getPort(), "none", passwordFile, mailboxExtra));
    }

    @Test
    void aGoodConfigurationExitsZeroWithALineForTheConnectionCapabilitiesInboxDraftsAndSent() throws Exception {
        createFolders("Drafts", "Sent");

        Cli.Result result = Cli.run("doctor", "--config", config(PASSWORD, "").toString());

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out().lines().toList()).anySatisfy(line -> assertThat(line).startsWith("ok   configuration"))
                .anySatisfy(line -> assertThat(line).startsWith("ok   database"))
                .anySatisfy(line -> assertThat(line).startsWith("ok   connected to 127.0.0.1:" + greenMail.getImap().getPort() + " as " + EMAIL)
                        .contains("no encryption"))
                .anySatisfy(line -> assertThat(line).startsWith("ok   server capabilities: ").contains("IDLE"))
                .anySatisfy(line -> assertThat(line).isEqualTo("ok   inbox INBOX"))
                .anySatisfy(line -> assertThat(line).isEqualTo("ok   drafts folder Drafts (well-known name)"))
                .anySatisfy(line -> assertThat(line).isEqualTo("ok   sent folder Sent (well-known name)"))
                .noneSatisfy(line -> assertThat(line).startsWith("FAIL"));
        assertThat(result.out()).contains("All good");
        assertThat(result.all()).doesNotContain(PASSWORD);
    }

    @Test
    void aFrenchProfileGetsEveryLineOfTheReportInFrench() throws Exception {
        createFolders("Sent");
        Path passwordFile = Cli.passwordFile(dir, PASSWORD, "rw-------");
        Path config = Files.writeString(dir.resolve("rebond.yaml"), Cli.config(dir, "fr", "Europe/Paris", "127.0.0.1",
                greenMail.getImap().getPort(), "none", passwordFile, "create_drafts: false"));

        Cli.Result result = Cli.run("doctor", "--config", config.toString());

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.CONFIG);
        assertThat(result.out().lines().toList())
                .anySatisfy(line -> assertThat(line).startsWith("ok   base de données "))
                .anySatisfy(line -> assertThat(line).startsWith("ok   connecté à 127.0.0.1:").contains("en tant que " + EMAIL)
                        .contains("sans chiffrement"))
                .anySatisfy(line -> assertThat(line).startsWith("ok   capacités du serveur : "))
                .anySatisfy(line -> assertThat(line).isEqualTo("ok   boîte de réception INBOX"))
                .anySatisfy(line -> assertThat(line).isEqualTo("ok   dossier des messages envoyés Sent (nom usuel)"))
                .anySatisfy(line -> assertThat(line).startsWith("ÉCHEC aucun dossier des brouillons trouvé — indiquez son nom dans mailbox.drafts"))
                .anySatisfy(line -> assertThat(line).isEqualTo("1 problème à corriger ; voyez la ligne ÉCHEC ci-dessus."))
                .noneSatisfy(line -> assertThat(line).contains("folder").contains("found"));
    }

    @Test
    void aWrongPasswordExits78LikeEveryOtherSecretProblemNamingTheUserAndThePasswordSourceWithoutShowingAnyPassword() throws Exception {
        createFolders("Drafts", "Sent");
        String wrong = "Wr0ng-Pa55word-7";

        Cli.Result result = Cli.run("doctor", "--config", config(wrong, "").toString());

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.CONFIG);
        assertThat(result.out()).containsPattern("(?m)^FAIL .*refused the login of " + EMAIL)
                .contains("check the user name and the password source")
                .contains(dir.resolve("imap-password").toString());
        assertThat(result.all()).doesNotContain(wrong).doesNotContain(PASSWORD).doesNotContain("\tat ");
    }

    @Test
    void aPasswordFileOthersCanReadExits78WithChmod600AndTheServerIsNotContacted() throws Exception {
        Path config = config(PASSWORD, "");
        Path passwordFile = dir.resolve("imap-password");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-r--r--"));

        Cli.Result result = Cli.run("doctor", "--config", config.toString());

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.CONFIG);
        assertThat(result.all()).contains("chmod 600 " + passwordFile).doesNotContain(PASSWORD).doesNotContain("\tat ");
        assertThat(result.out()).doesNotContain("ok   connected");
    }

    @Test
    void aServerThatDoesNotAnswerExits69() throws Exception {
        int port = greenMail.getImap().getPort();
        Path config = config(PASSWORD, "");
        greenMail.stop();

        Cli.Result result = Cli.run("doctor", "--config", config.toString());

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(result.out()).containsPattern("(?m)^FAIL cannot connect to 127\\.0\\.0\\.1:" + port);
        greenMail.start(); // so that @AfterEach stops a running server
    }

    @Test
    void noDraftsFolderWithCreateDraftsOffExits78WithAFailLineSayingWhatToSet() throws Exception {
        createFolders("Sent");

        Cli.Result result = Cli.run("doctor", "--config", config(PASSWORD, "create_drafts: false").toString());

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.CONFIG);
        assertThat(result.out()).containsPattern("(?m)^FAIL no drafts folder found — set mailbox\\.drafts .*create_drafts: true")
                .contains("1 problem to fix");
        assertThat(imap.getFolder(user, "Drafts")).as("doctor does not create the folder").isNull();
    }

    @Test
    void noDraftsFolderWithCreateDraftsOnIsOnlyANote() throws Exception {
        createFolders("Sent");

        Cli.Result result = Cli.run("doctor", "--config", config(PASSWORD, "create_drafts: true").toString());

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).containsPattern("(?m)^note no drafts folder found: it will be created");
        assertThat(imap.getFolder(user, "Drafts")).as("doctor does not create the folder itself").isNull();
    }

    @Test
    void aConfiguredDraftsFolderThatDoesNotExistIsAFailure() throws Exception {
        createFolders("Drafts", "Sent");

        Cli.Result result = Cli.run("doctor", "--config", config(PASSWORD, "drafts: Brouillons").toString());

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.CONFIG);
        assertThat(result.out()).contains("FAIL").contains("mailbox.drafts");
    }

    @Test
    void doctorNeverChangesTheMailbox() throws Exception {
        createFolders("Drafts", "Sent");
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("jane.doe@company.example"));
        message.setRecipients(MimeMessage.RecipientType.TO, EMAIL);
        message.setSubject("Coffee next week?");
        message.setText("Hello Camille, would Tuesday suit you?");
        user.deliver(message);
        List<String> foldersBefore = folderNames();
        MailFolder inbox = imap.getInbox(user);
        long uidNextBefore = inbox.getUIDNext();
        Flags flagsBefore = inbox.getMessages().get(0).getFlags();

        Cli.Result result = Cli.run("doctor", "--config", config(PASSWORD, "").toString());

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(folderNames()).isEqualTo(foldersBefore);
        assertThat(inbox.getMessageCount()).isEqualTo(1);
        assertThat(inbox.getUnseenCount()).isEqualTo(1);
        assertThat(inbox.getUIDNext()).isEqualTo(uidNextBefore);
        assertThat(inbox.getMessages().get(0).getFlags()).isEqualTo(flagsBefore);
        assertThat(inbox.getMessages().get(0).getFlags().contains(Flags.Flag.SEEN)).isFalse();
        assertThat(imap.getFolder(user, "Drafts").getMessageCount()).isZero();
        assertThat(imap.getFolder(user, "Sent").getMessageCount()).isZero();
    }

    private List<String> folderNames() throws Exception {
        return imap.listMailboxes(user, "*").stream().map(MailFolder::getFullName).sorted().toList();
    }
}
