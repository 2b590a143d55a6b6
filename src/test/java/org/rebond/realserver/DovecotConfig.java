package org.rebond.realserver;

import static org.rebond.realserver.DovecotServer.HOST;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;

/**
 * The {@code dovecot.conf} of {@link DovecotServer}, written whole by the tests (no system
 * configuration is read), and the system users and groups its processes run as.
 */
final class DovecotConfig {

    private DovecotConfig() {
    }

    /** Writes the configuration for a server on {@code port} with everything under {@code dir} to {@code file}. */
    static void write(Path file, Path dir, DovecotServer.Options options, int port, String mailUser, String mailGroup) {
        String drafts = options.localized() ? "Brouillons" : "Drafts";
        String sent = options.localized() ? "Envoyés" : "Sent";
        String trash = options.localized() ? "Corbeille" : "Trash";
        StringBuilder mailboxes = new StringBuilder();
        if (options.drafts()) {
            mailboxes.append(mailbox(options, drafts, "\\Drafts"));
        }
        mailboxes.append(mailbox(options, sent, "\\Sent"));
        mailboxes.append(mailbox(options, trash, "\\Trash"));
        if (options.archive()) {
            mailboxes.append(mailbox(options, "Archive", "\\All"));
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        String internalUser = root ? "root" : System.getProperty("user.name");
        String loginUser = root ? (userExists("dovenull") ? "dovenull" : "nobody") : System.getProperty("user.name");
        String listener = options.tls()
                ? "  inet_listener imap {\n    port = 0\n  }\n  inet_listener imaps {\n    address = " + HOST + "\n    port = " + port
                        + "\n    ssl = yes\n  }\n"
                : "  inet_listener imap {\n    address = " + HOST + "\n    port = " + port + "\n  }\n  inet_listener imaps {\n    port = 0\n  }\n";
        String conf = """
                # Written by the tests (DovecotServer): no system configuration is read.
                protocols = imap
                # A mailbox of a million messages needs more than the 256 MB an IMAP process gets by default to index.
                default_vsz_limit = 2G
                listen = %1$s
                base_dir = %2$s/run
                state_dir = %2$s/state
                log_path = %2$s/dovecot.log
                info_log_path = %2$s/dovecot.log
                default_internal_user = %3$s
                default_internal_group = %4$s
                default_login_user = %5$s
                mail_uid = %6$s
                %7$s
                %8$s
                disable_plaintext_auth = no
                auth_mechanisms = plain login xoauth2
                mail_location = maildir:%2$s/mail/%%u
                maildir_very_dirty_syncs = %12$s
                %13$s
                mail_plugins = quota
                %9$s
                protocol imap {
                  mail_plugins = $mail_plugins imap_quota
                  imap_idle_notify_interval = 2 mins
                }
                plugin {
                  quota = maildir:User quota
                }
                passdb {
                  driver = passwd-file
                  args = scheme=PLAIN username_format=%%u %2$s/users
                }
                userdb {
                  driver = passwd-file
                  args = username_format=%%u %2$s/users
                }
                service imap-login {
                %10$s  chroot =
                }
                service anvil {
                  chroot =
                }
                namespace inbox {
                  inbox = yes
                  separator = /
                %11$s}
                """.formatted(HOST, dir, internalUser, root ? "root" : currentGroup(), loginUser, mailUser,
                mailGroup == null ? "" : "mail_gid = " + mailGroup,
                options.tls() ? "ssl = yes\nssl_cert = <" + dir.resolve("cert.pem") + "\nssl_key = <" + dir.resolve("key.pem")
                        + "\nssl_min_protocol = TLSv1.2" : "ssl = no",
                options.capability() == null ? "" : "imap_capability = " + options.capability(),
                listener, mailboxes, options.onlyWriter() ? "yes" : "no",
                options.processLimit() <= 0 ? "" : "default_process_limit = " + options.processLimit()
                        + "\ndefault_client_limit = " + 4 * options.processLimit());
        try {
            Files.writeString(file, conf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String mailbox(DovecotServer.Options options, String name, String specialUse) {
        return "  mailbox \"" + name + "\" {\n    auto = subscribe\n" + (options.specialUse() ? "    special_use = " + specialUse + "\n" : "")
                + "  }\n";
    }

    static boolean userExists(String name) {
        try {
            Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean groupExists(String name) {
        try {
            Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(name);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String currentGroup() {
        try {
            return Files.readAttributes(Path.of(System.getProperty("user.home")), PosixFileAttributes.class)
                    .group().getName();
        } catch (IOException e) {
            return System.getProperty("user.name");
        }
    }
}
