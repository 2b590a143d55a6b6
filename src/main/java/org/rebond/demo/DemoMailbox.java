package org.rebond.demo;

import jakarta.mail.internet.MimeMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Flags;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import org.rebond.App;
import org.rebond.config.RebondConfig;
import org.rebond.mail.FolderFinder;
import org.rebond.mail.ImapConnector;
import org.rebond.store.PrivateFiles;

/** The demo's mailbox and configuration, shared by {@code rebond demo} and the class-archive rehearsal. */
public final class DemoMailbox {

    private DemoMailbox() {}

    /**
     * The demo mailbox (user demo, password demo) with Drafts, Sent and the story so far: a few days
     * of ordinary mail, Sophie's introduction, Marc's answer and his reading suggestions, and the user's
     * thanks in Sent.
     */
    public static GreenMailUser seed(GreenMail greenMail, DemoStory story, Instant now) throws Exception {
        GreenMailUser user = greenMail.setUser(DemoStory.USER, "demo", "demo");
        var folders = greenMail.getManagers().getImapHostManager();
        folders.createMailbox(user, "Drafts");
        var sent = folders.createMailbox(user, "Sent");
        for (MimeMessage ordinary : DemoBackground.messages(story.french(), now.minus(Duration.ofDays(3)))) {
            user.deliver(ordinary);
        }
        user.deliver(story.introduction(now.minus(Duration.ofDays(3))));
        user.deliver(story.contactReply(now.minus(Duration.ofDays(2))));
        user.deliver(story.contactReading(now.minus(Duration.ofDays(1))));
        sent.appendMessage(story.userThanksSophie(now.minus(Duration.ofDays(2)).plusSeconds(3600)), new Flags(Flags.Flag.SEEN),
                Date.from(now.minus(Duration.ofDays(2))));
        return user;
    }

    public static Path writeConfig(Path dir, DemoStory story, boolean french, ZoneId zone, int port) throws IOException {
        // Both 0600 whatever the umask, as rebond's own files are (and the password file must be).
        PrivateFiles.writeString(dir.resolve("imap-password"), "demo\n");
        String yaml = """
                # Written by `rebond demo`: points at the demo mailbox on 127.0.0.1. Timings are compressed.
                profile:
                  name: %s
                  addresses: [%s]
                  language: %s
                  time_zone: %s
                  objective: "%s"
                  pitch: "%s"
                  questions:
                    - "%s"
                  signature: |
                    Alex Martin
                    06 98 76 54 32
                mailbox:
                  host: 127.0.0.1
                  port: %d
                  security: none
                  allow_plaintext_on_loopback: true
                  username: demo
                  password_file: imap-password
                  drafts: Drafts
                  sent: Sent
                  poll_interval: 5s
                storage:
                  database: rebond.db
                schedule:
                  brief_before: 40s
                  prep_duration: 1m
                  debrief_after_end: 0s
                  thank_you_after_end: 12s
                  human_hours: false
                  keep_posted_after_end: [25s, 40s]
                """.formatted(story.userName(), DemoStory.USER, french ? "fr" : "en", zone.getId(), story.objective(), story.pitch(),
                french ? "Quelle place prend la réglementation dans votre travail au quotidien ?" : "How much of your week goes to regulatory work?",
                port);
        Path file = dir.resolve("rebond.yaml");
        PrivateFiles.writeString(file, yaml);
        return file;
    }

    /**
     * The folders rebond delivers to in the demo mailbox, by their names there: INBOX as configured,
     * and the drafts folder as the daemon finds it when it appends a draft (the configured name if
     * the mailbox has it, then SPECIAL-USE, then a well-known name).
     */
    public static Narrator.Folders folders(RebondConfig config) throws MessagingException {
        RebondConfig.Mailbox mailbox = config.mailbox();
        try (Store store = new ImapConnector(mailbox, App.passwordOf(mailbox)).connect()) {
            String drafts = FolderFinder.find(store, FolderFinder.Role.DRAFTS, mailbox.drafts()).map(FolderFinder.Found::name)
                    .orElseThrow(() -> new MessagingException("the demo mailbox has no drafts folder"));
            return new Narrator.Folders(store.getFolder(mailbox.inbox()).getFullName(), drafts);
        }
    }
}
