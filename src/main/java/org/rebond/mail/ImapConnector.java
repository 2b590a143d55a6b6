package org.rebond.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.ResyncData;
import org.rebond.config.RebondConfig;
import org.rebond.config.SecretException;
import org.rebond.i18n.Sentence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens IMAP connections with safe settings: timeouts set (Angus defaults to infinite), reads
 * never set {@code \Seen} (peek), server identity checked, STARTTLS required when chosen,
 * plaintext only on loopback when explicitly allowed (DESIGN I8). With {@code oauth2_token_command}
 * the login is XOAUTH2, with the token the command prints at each connection. No transport is ever configured:
 * rebond cannot send mail (I1).
 */
public final class ImapConnector {

    private static final Logger log = LoggerFactory.getLogger(ImapConnector.class);

    private final RebondConfig.Mailbox config;
    private final Supplier<String> password;
    private final Session session;
    private final String protocol;
    private final ScheduledExecutorService writeTimeouts;

    public ImapConnector(RebondConfig.Mailbox config, Supplier<String> password) {
        this(config, password, null);
    }

    /**
     * @param writeTimeouts the timer that bounds each write to the server ({@code writeTimeout}),
     *                      shared by the accounts of a process that follows several; null for the
     *                      mail library's own, one thread per connection
     */
    public ImapConnector(RebondConfig.Mailbox config, Supplier<String> password, ScheduledExecutorService writeTimeouts) {
        this.config = config;
        this.writeTimeouts = writeTimeouts;
        this.password = password;
        this.protocol = config.security() == RebondConfig.Security.TLS ? "imaps" : "imap";
        if (config.security() == RebondConfig.Security.NONE && !(config.allowPlaintextOnLoopback() && isLoopback(config.host()))) {
            throw new MailboxException(Sentence.of("errors", "mail.plaintext", config.host()), false, null);
        }
        this.session = Session.getInstance(properties());
    }

    private Properties properties() {
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.setProperty("mail.store.protocol", protocol);
        props.setProperty(p + "host", config.host());
        props.setProperty(p + "port", Integer.toString(config.port()));
        props.setProperty(p + "connectiontimeout", Long.toString(config.connectTimeout().toMillis()));
        props.setProperty(p + "timeout", Long.toString(config.readTimeout().toMillis()));
        props.setProperty(p + "writetimeout", Long.toString(config.writeTimeout().toMillis()));
        if (writeTimeouts != null) {
            props.put(p + "executor.writetimeout", writeTimeouts);
        }
        props.setProperty(p + "peek", "true");
        props.setProperty(p + "partialfetch", "true");
        props.setProperty(p + "fetchsize", "65536");
        props.setProperty(p + "appendbuffersize", "-1");
        // Connections for folders other than INBOX wait in Angus' pool between syncs; servers close
        // quiet connections, so a pooled one is not kept long.
        props.setProperty(p + "connectionpooltimeout", "10000");
        props.setProperty(p + "ssl.checkserveridentity", "true");
        props.setProperty(p + "ssl.protocols", "TLSv1.3 TLSv1.2");
        if (config.security() == RebondConfig.Security.STARTTLS) {
            props.setProperty(p + "starttls.enable", "true");
            props.setProperty(p + "starttls.required", "true");
        }
        if (config.oauth2()) {
            // XOAUTH2 only: the token from oauth2_token_command is given as the password (Angus builds the SASL string).
            props.setProperty(p + "auth.mechanisms", "XOAUTH2");
            props.setProperty(p + "auth.login.disable", "true");
            props.setProperty(p + "auth.plain.disable", "true");
        }
        if (config.caFile() != null) {
            props.put(p + "ssl.socketFactory", trustingExtraCa().getSocketFactory());
        }
        props.setProperty("mail.mime.address.strict", "false");
        props.setProperty("mail.mime.decodetext.strict", "false");
        props.setProperty("mail.mime.base64.ignoreerrors", "true");
        props.setProperty("mail.mime.parameters.strict", "false");
        props.setProperty("mail.mime.multipart.allowempty", "true");
        props.setProperty("mail.debug", "false");
        return props;
    }

    private SSLContext trustingExtraCa() {
        try (InputStream in = Files.newInputStream(config.caFile())) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("extra-" + i++, cert);
            }
            TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            system.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, system.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new MailboxException(Sentence.of("errors", "mail.ca.file", config.caFile(), e.getMessage()), false, e);
        }
    }

    /**
     * Starts connecting and logging in on a thread of its own while the daemon builds the rest
     * (database, templates, scheduler: about half a second), then opens INBOX and Sent once,
     * read-only, and closes them: on a server that has to build or refresh a large folder's index
     * at the first EXAMINE (Dovecot: 0.3 s for an INBOX of 85,000 messages on a cold index), that
     * work is done on the other core meanwhile, and the watcher's own EXAMINE on this connection
     * finds it done. The mailbox watcher takes this first connection
     * ({@link MailboxWatcher#start(FirstConnection)}); opening a folder changes nothing in it.
     */
    public FirstConnection connectAhead() {
        CompletableFuture<Store> store = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            Store connected;
            try {
                connected = connect();
            } catch (RuntimeException e) {
                store.completeExceptionally(e);
                return;
            }
            openFoldersOnce(connected);
            store.complete(connected);
        }, "rebond-connect");
        t.setDaemon(true);
        t.start();
        return new FirstConnection(store);
    }

    /** Opens INBOX and Sent read-only and closes them; a failure here is the watcher's to meet and report. */
    private void openFoldersOnce(Store store) {
        try {
            List<String> names = new ArrayList<>(List.of(config.inbox()));
            FolderFinder.find(store, FolderFinder.Role.SENT, config.sent()).ifPresent(found -> names.add(found.name()));
            // As the watcher opens them (CONDSTORE where the server has it), so the server builds the same index.
            boolean condstore = store instanceof IMAPStore imap && (imap.hasCapability("CONDSTORE") || imap.hasCapability("QRESYNC"));
            for (String name : names) {
                IMAPFolder folder = (IMAPFolder) store.getFolder(name);
                if (condstore) {
                    folder.open(Folder.READ_ONLY, ResyncData.CONDSTORE);
                } else {
                    folder.open(Folder.READ_ONLY);
                }
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            log.debug("opening the folders ahead failed ({}); the watcher opens them itself", e.toString());
        }
    }

    /** A connection opened ahead, taken once by the watcher, or closed unused. */
    public static final class FirstConnection {
        private final CompletableFuture<Store> store;
        private boolean taken;

        private FirstConnection(CompletableFuture<Store> store) {
            this.store = store;
        }

        /** The connection, once it is made; what made it fail is thrown as {@link #connect()} throws it. */
        synchronized Store take() {
            taken = true;
            try {
                return store.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw e;
            }
        }

        /** Closes the connection if nobody took it (the daemon did not start, or stopped first). */
        public synchronized void discard() {
            if (taken) {
                return;
            }
            taken = true;
            store.thenAccept(s -> {
                try {
                    s.close();
                } catch (MessagingException ignored) {
                    // it was never used
                }
            });
        }
    }

    /** Connects and logs in; the caller closes the store. */
    public Store connect() {
        try {
            Store store = session.getStore(ScanImapStore.provider(protocol));
            store.connect(config.host(), config.port(), config.username(), password.get());
            return store;
        } catch (AuthenticationFailedException e) {
            throw new MailboxException(config.oauth2()
                    ? Sentence.of("errors", "mail.login.oauth2", config.host(), config.username())
                    : Sentence.of("errors", "mail.login", config.host(), config.username(), SecretException.source(config.password())), true, e);
        } catch (MessagingException e) {
            throw new MailboxException(Sentence.of("errors", refusedByTheAllowList(e).isEmpty() ? "mail.connect" : "mail.connect.allowlist",
                    config.host(), config.port(), protocol, rootMessage(e)), false, e);
        }
    }

    /**
     * The hint for a connection the system unit's address list refused: the kernel answers
     * "Operation not permitted" (EPERM) to a connect() that IPAddressDeny= blocks, which no server
     * or network fault gives.
     */
    static String refusedByTheAllowList(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.SocketException && String.valueOf(t.getMessage()).contains("Operation not permitted")) {
                return " — the service's address list does not allow this server's address (it may have moved): run "
                        + "'rebond allowlist --config FILE --write', then 'systemctl daemon-reload' and 'systemctl restart rebond'";
            }
        }
        return "";
    }

    public RebondConfig.Mailbox config() {
        return config;
    }

    public String protocol() {
        return protocol;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return t == e ? String.valueOf(m) : e.getMessage() + " (" + t.getClass().getSimpleName() + ": " + m + ")";
    }

    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
                return false;
            }
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
