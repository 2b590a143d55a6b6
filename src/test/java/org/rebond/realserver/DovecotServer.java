package org.rebond.realserver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Dovecot 2.3 (Debian package {@code dovecot-imapd}) for tests and the benchmark, started
 * on 127.0.0.1 with a configuration of the project's own written in {@code dir}: no system
 * configuration, state, sockets, logs, users and maildirs all under {@code dir}.
 *
 * <p>Runs as root (CI) or as an ordinary user. As root, Dovecot refuses to give mail access to
 * root and to run its login process as root, so the mail processes run as {@code nobody} and the
 * login process as {@code dovenull} (or {@code nobody}); the mail folder is handed to that user.
 *
 * <pre>{@code
 * DovecotServer.assumeAvailable();
 * DovecotServer dovecot = DovecotServer.start(dir);            // SPECIAL-USE Drafts/Sent/Trash, quota 10M
 * DovecotServer tls = DovecotServer.start(dir, DovecotServer.Options.defaults().withTls());
 * dovecot.deliver(dovecot.user(), "INBOX", rfc822Bytes);
 * }</pre>
 */
public final class DovecotServer implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    private static final Path BINARY = Path.of("/usr/sbin/dovecot");
    private static final Path DOVEADM = Path.of("/usr/bin/doveadm");
    private static final Duration START_BOUND = Duration.ofSeconds(20);
    private static final Duration STOP_BOUND = Duration.ofSeconds(20);

    /**
     * How the server is set up.
     *
     * @param tls          implicit TLS (imaps) with a self-signed certificate for 127.0.0.1 generated in the dir
     * @param specialUse   Drafts/Sent/Trash carry SPECIAL-USE flags
     * @param drafts       a Drafts folder exists at all
     * @param localized    folders are named "Brouillons", "Envoyés", "Corbeille" instead of Drafts, Sent, Trash
     * @param archive      an "Archive" folder with SPECIAL-USE {@code \All} exists (Gmail's All Mail shape)
     * @param quota        the default storage quota per user, in Dovecot's syntax ("10M"), or null for none
     * @param capability   a value for {@code imap_capability} (e.g. "+XFOO" or a full list without IDLE), or null for Dovecot's
     * @param processLimit {@code default_process_limit} (the most IMAP, and login, processes at once), 0 for Dovecot's (100)
     */
    public record Options(boolean tls, boolean specialUse, boolean drafts, boolean localized, boolean archive, String quota,
                          String capability, boolean onlyWriter, int processLimit) {

        public static Options defaults() {
            return new Options(false, true, true, false, false, "10M", null, false, 0);
        }

        public Options withTls() {
            return new Options(true, specialUse, drafts, localized, archive, quota, capability, onlyWriter, processLimit);
        }

        public Options withoutSpecialUse() {
            return new Options(tls, false, drafts, localized, archive, quota, capability, onlyWriter, processLimit);
        }

        public Options withoutDrafts() {
            return new Options(tls, specialUse, false, localized, archive, quota, capability, onlyWriter, processLimit);
        }

        /** French names (Brouillons, Envoyés, Corbeille); combine with {@link #withoutSpecialUse()} for name-only discovery. */
        public Options withLocalizedNames() {
            return new Options(tls, specialUse, drafts, true, archive, quota, capability, onlyWriter, processLimit);
        }

        public Options withArchive() {
            return new Options(tls, specialUse, drafts, localized, true, quota, capability, onlyWriter, processLimit);
        }

        public Options withQuota(String newQuota) {
            return new Options(tls, specialUse, drafts, localized, archive, newQuota, capability, onlyWriter, processLimit);
        }

        /**
         * Dovecot told it is the only program changing the maildir's {@code cur/}
         * ({@code maildir_very_dirty_syncs}, as large installations run it): it then re-reads
         * {@code cur/} only when its time changes unexpectedly, not at the first command after
         * each delivery. For the benchmark's 85,000-file INBOX; the tests that rewrite a maildir
         * behind Dovecot's back do not use it.
         */
        public Options withOnlyWriter() {
            return new Options(tls, specialUse, drafts, localized, archive, quota, capability, true, processLimit);
        }

        /** Room for many clients at once (one IMAP process each): {@code default_process_limit}, and client limits to match. */
        public Options withProcessLimit(int newProcessLimit) {
            return new Options(tls, specialUse, drafts, localized, archive, quota, capability, onlyWriter, newProcessLimit);
        }

        public Options withCapability(String newCapability) {
            return new Options(tls, specialUse, drafts, localized, archive, quota, newCapability, onlyWriter, processLimit);
        }
    }

    private final Path dir;
    private final Options options;
    private final int port;
    private final DovecotUsers users;
    private final String mailUser;
    private final String mailGroup;
    private Process master;

    /** The master process's id (its mail processes are its children), for the benchmark's CPU figures. */
    public long masterPid() {
        Process p = master;
        if (p == null) {
            throw new IllegalStateException("Dovecot is not running");
        }
        return p.pid();
    }
    private final Thread shutdownHook;

    /** Whether the Dovecot binaries are installed. */
    public static boolean available() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DOVEADM);
    }

    /** Skips the calling test, saying why, when Dovecot is not installed. */
    public static void assumeAvailable() {
        Assumptions.assumeTrue(available(), "Dovecot is not installed (apt-get install dovecot-imapd; .ci/run does it): "
                + "skipping the real-server test");
    }

    /** Starts a server with the default options: SPECIAL-USE Drafts, Sent, Trash; quota 10M; plaintext on loopback. */
    public static DovecotServer start(Path dir) {
        return start(dir, Options.defaults());
    }

    public static DovecotServer start(Path dir, Options options) {
        DovecotServer server = new DovecotServer(dir.toAbsolutePath(), options);
        server.launch();
        return server;
    }

    private DovecotServer(Path dir, Options options) {
        this.dir = dir;
        this.options = options;
        this.port = freePort();
        boolean root = "root".equals(System.getProperty("user.name"));
        this.mailUser = root ? "nobody" : System.getProperty("user.name");
        this.mailGroup = root ? (DovecotConfig.groupExists("nogroup") ? "nogroup" : "nobody") : null;
        this.users = new DovecotUsers(dir, options.quota());
        try {
            Files.createDirectories(dir.resolve("run"));
            Files.createDirectories(dir.resolve("state"));
            Files.createDirectories(dir.resolve("mail"));
            Files.createDirectories(dir.resolve("home"));
            if (root) {
                DovecotMaildir.openPathFor(dir);
                DovecotMaildir.chownTree(dir.resolve("mail"), mailUser, mailGroup);
                DovecotMaildir.chownTree(dir.resolve("home"), mailUser, mailGroup);
            }
            if (options.tls()) {
                makeCertificate();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        users.add("camille", "secret-pw");
        DovecotConfig.write(config(), dir, options, port, mailUser, mailGroup);
        this.shutdownHook = new Thread(this::kill, "dovecot-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** The first user, created at start. */
    public String user() {
        return "camille";
    }

    public String password() {
        return users.password(user());
    }

    public Path dir() {
        return dir;
    }

    public Options options() {
        return options;
    }

    /** The self-signed certificate (PEM) of the TLS variant, for {@code mailbox.ca_file}. */
    public Path certificate() {
        if (!options.tls()) {
            throw new IllegalStateException("this Dovecot was started without TLS");
        }
        return dir.resolve("cert.pem");
    }

    /** Adds (or changes the password of) a user; takes effect at the next login. */
    public synchronized void addUser(String user, String password) {
        users.add(user, password);
    }

    /** Sets the storage quota of one user ("2M", "100k"; "0" for none); takes effect at the next login. */
    public synchronized void setQuota(String user, String storage) {
        users.setQuota(user, storage);
        doveadm("quota", "recalc", "-u", user);
        // Dovecot notices the changed passwd-file a moment later: wait until it reports the limit.
        String limit = Long.toString(DovecotUsers.kilobytes(storage));
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> doveadm("quota", "get", "-u", user).lines()
                        .anyMatch(line -> line.contains("STORAGE") && List.of(line.trim().split("\\s+")).contains(limit)));
    }

    public Path maildir(String user) {
        return dir.resolve("mail").resolve(user);
    }

    /** Puts a message in a folder as a delivery would (IDLE clients see it), via {@code doveadm save}. */
    public void deliver(String user, String folder, byte[] rfc822) {
        run(List.of(DOVEADM.toString(), "-c", config().toString(), "save", "-u", user, "-m", folder), rfc822);
    }

    /** Creates a folder (no SPECIAL-USE flag). */
    public void createMailbox(String user, String folder) {
        doveadm("mailbox", "create", "-u", user, folder);
    }

    /** Deletes a folder and creates it again, empty, with a new UIDVALIDITY (not INBOX). */
    public void recreateMailbox(String user, String folder) {
        doveadm("mailbox", "delete", "-u", user, folder);
        doveadm("mailbox", "create", "-u", user, folder);
    }

    /**
     * Deletes a folder and creates it again, empty, under its old UIDVALIDITY: its UIDs start from 1
     * again while a client's cursor is further on (a server fault, BAD-INPUTS B40; not INBOX). The
     * server is restarted so no session keeps the old folder.
     */
    public void recreateMailboxKeepingUidValidity(String user, String folder) {
        long uidValidity = uidValidity(user, folder);
        recreateMailbox(user, folder);
        doveadm("mailbox", "update", "-u", user, "--uid-validity", Long.toString(uidValidity), folder);
        restart();
    }

    /**
     * Gives a folder a new UIDVALIDITY while its messages stay (what a server migration or an
     * index rebuild does); works on INBOX. The server is restarted so no session keeps the old one.
     */
    public void changeUidValidity(String user, String folder, long uidValidity) {
        doveadm("mailbox", "update", "-u", user, "--uid-validity", Long.toString(uidValidity), folder);
        restart();
    }

    /**
     * Makes the file of one message unreadable to Dovecot (mode 000): what a damaged disk or a
     * file restored with the wrong owner looks like; the server then refuses to FETCH it.
     */
    public synchronized void makeUnreadable(String user, String folder, long uid) {
        DovecotMaildir.makeUnreadable(DovecotMaildir.folder(maildir(user), folder), uid);
    }

    /**
     * Replaces the content of the message with this UID while it keeps its UID and the folder its
     * UIDVALIDITY (a server fault, BAD-INPUTS B40). The new content must have the same length.
     * The server is stopped meanwhile and its cache of the folder dropped.
     */
    public synchronized void rewriteMessage(String user, String folder, long uid, UnaryOperator<byte[]> change) {
        stopMaster();
        try {
            DovecotMaildir.rewriteMessage(DovecotMaildir.folder(maildir(user), folder), uid, change);
        } finally {
            launch();
        }
    }

    /** The folder's current UIDVALIDITY, as the server reports it. */
    public long uidValidity(String user, String folder) {
        String out = doveadm("mailbox", "status", "-u", user, "uidvalidity", folder).strip();
        return Long.parseLong(out.substring(out.lastIndexOf('=') + 1));
    }

    /** Runs {@code doveadm -c <this config> args…} and returns its standard output. */
    public String doveadm(String... args) {
        List<String> command = new ArrayList<>(List.of(DOVEADM.toString(), "-c", config().toString()));
        command.addAll(List.of(args));
        return run(command, null);
    }

    /** Stops the server as an administrator would (clients are disconnected) and starts it again on the same port. */
    public synchronized void restart() {
        stopMaster();
        launch();
    }

    /** Stops the server; clients see their connections closed. */
    public synchronized void stop() {
        stopMaster();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // shutting down already
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The server's log so far (for assertion messages). */
    public String log() {
        try {
            Path log = dir.resolve("dovecot.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    public Path config() {
        return dir.resolve("dovecot.conf");
    }

    private synchronized void launch() {
        ProcessBuilder builder = new ProcessBuilder(BINARY.toString(), "-F", "-c", config().toString());
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("dovecot.out").toFile()));
        try {
            master = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + BINARY, e);
        }
        try {
            Awaitility.await("Dovecot greeting on " + HOST + ":" + port).atMost(START_BOUND).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(25)).ignoreExceptions()
                    .until(() -> {
                        if (!master.isAlive()) {
                            throw new AssertionError("dovecot exited with " + master.exitValue() + ":\n" + output() + log());
                        }
                        return greets();
                    });
        } catch (RuntimeException | AssertionError e) {
            kill();
            throw new IllegalStateException("Dovecot did not start: " + e.getMessage() + "\n" + output() + "\n" + log(), e);
        }
    }

    private boolean greets() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            if (options.tls()) {
                return true; // the TLS handshake needs the certificate trusted; a listening port is enough here
            }
            socket.setSoTimeout(2000);
            String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return line != null && line.startsWith("* OK");
        }
    }

    private String output() {
        try {
            Path out = dir.resolve("dovecot.out");
            return Files.exists(out) ? Files.readString(out) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private void stopMaster() {
        Process p = master;
        if (p == null) {
            return;
        }
        ProcessHandle handle = p.toHandle();
        List<ProcessHandle> children = handle.descendants().toList();
        p.destroy(); // SIGTERM: the master stops its services, which close their clients
        try {
            if (!p.waitFor(STOP_BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                child.onExit().get(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            children.forEach(ProcessHandle::destroyForcibly);
        }
        master = null;
    }

    private void kill() {
        Process p = master;
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
    }

    private void makeCertificate() {
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString()), null);
    }

    private String run(List<String> command, byte[] input) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectErrorStream(true);
        try {
            Process p = builder.start();
            try (var in = p.getOutputStream()) {
                if (input != null) {
                    in.write(input);
                }
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + p.exitValue() + "): " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Hands files written straight into a maildir (as a test or an MDA writes them) to the user
     * Dovecot's mail processes run as, when the tests run as root; else they are already theirs.
     */
    public void handToMailUser(Path path) {
        if (mailGroup == null) {
            return;
        }
        try {
            DovecotMaildir.chownTree(path, mailUser, mailGroup);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
