package org.rebond.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.rebond.i18n.Sentence;

/**
 * Reads the IMAP password from where {@link RebondConfig.Secret} says it lives (DESIGN I8):
 * a file only its owner can read, a systemd credential, or a command run without a shell.
 *
 * <p>Messages name the source and the fix; they never contain the secret nor what a command printed.
 * The caller should {@code Arrays.fill(secret, '\0')} once the password has been handed over.
 */
public final class SecretReader {
    /** How long a password command may run by default. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(20);

    /** More than this is not a password; reading stops there. */
    private static final int MAX_SECRET_BYTES = 64 * 1024;
    private static final Set<PosixFilePermission> OTHERS = Set.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Function<String, String> environment;
    private final Duration commandTimeout;

    /** Uses the process environment and a 20-second limit for password commands. */
    public SecretReader() {
        this(System::getenv, DEFAULT_COMMAND_TIMEOUT);
    }

    /**
     * @param environment    looks up environment variables ({@code CREDENTIALS_DIRECTORY}); returns null when unset
     * @param commandTimeout how long a password command may run before it is killed
     */
    public SecretReader(Function<String, String> environment, Duration commandTimeout) {
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("commandTimeout must be positive");
        }
        this.environment = environment;
        this.commandTimeout = commandTimeout;
    }

    /**
     * @return the secret, never empty
     * @throws SecretException when it cannot be read; the message says what to do
     */
    public char[] read(RebondConfig.Secret secret) {
        if (secret.file() != null) return fromFile(secret.file());
        if (secret.credential() != null) return fromCredential(secret.credential());
        if (secret.command() != null && !secret.command().isEmpty()) return fromCommand(secret.command());
        throw new SecretException("secret.none");
    }

    private char[] fromFile(Path file) {
        refuseIfExposed(file);
        Sentence what = Sentence.of(SecretException.AREA, "secret.file", file);
        return decode(readFile(file, what), what, true);
    }

    private char[] fromCredential(String name) {
        String directory = environment.apply("CREDENTIALS_DIRECTORY");
        if (directory == null || directory.isBlank()) {
            throw new SecretException("secret.no.credentials.directory", name);
        }
        Path file = Path.of(directory).resolve(name);
        if (!Files.exists(file)) {
            throw new SecretException("secret.credential.missing", name, directory);
        }
        // systemd makes the credential directory private to the service; no mode check needed.
        Sentence what = Sentence.of(SecretException.AREA, "secret.credential", name);
        return decode(readFile(file, what), what, true);
    }

    /** Like ssh with a private key: a password file others can read, or that someone else owns, is refused. */
    private static void refuseIfExposed(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) return; // not a POSIX file system: nothing meaningful to check
        PosixFileAttributes attributes;
        try {
            attributes = view.readAttributes();
        } catch (NoSuchFileException e) {
            throw missing(file);
        } catch (IOException e) {
            throw new SecretException("secret.attributes", file, e.getClass().getSimpleName());
        }
        Set<PosixFilePermission> exposed = EnumSet.noneOf(PosixFilePermission.class);
        exposed.addAll(OTHERS);
        exposed.retainAll(attributes.permissions());
        if (!exposed.isEmpty()) {
            throw new SecretException("secret.exposed", file, mode(attributes.permissions()));
        }
        UserPrincipal me = currentUser();
        if (me != null && !me.equals(attributes.owner())) {
            throw new SecretException("secret.owner", file, attributes.owner().getName(), me.getName());
        }
    }

    private static UserPrincipal currentUser() {
        try {
            return FileSystems.getDefault().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static String mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission p : permissions) mode |= 1 << (8 - p.ordinal());
        return String.format("%03o", mode);
    }

    private static byte[] readFile(Path file, Sentence what) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_SECRET_BYTES + 1);
            if (bytes.length > MAX_SECRET_BYTES) {
                Arrays.fill(bytes, (byte) 0);
                throw new SecretException("secret.too.large", what, MAX_SECRET_BYTES);
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw missing(file);
        } catch (AccessDeniedException e) {
            throw new SecretException("secret.denied", what);
        } catch (IOException e) {
            throw new SecretException("secret.unreadable", what, e.getClass().getSimpleName());
        }
    }

    private static SecretException missing(Path file) {
        return new SecretException("secret.file.missing", file);
    }

    private char[] fromCommand(List<String> argv) {
        String name = argv.get(0);
        ProcessBuilder builder = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new SecretException("secret.command.start", name);
        }
        try {
            process.getOutputStream().close(); // no input: a command waiting for a prompt ends at once
        } catch (IOException ignored) {
            // the process may already have exited
        }
        OutputCollector collector = new OutputCollector(process.getInputStream());
        Thread reader = new Thread(collector, "password-command-output");
        reader.setDaemon(true);
        reader.start();
        boolean finished;
        try {
            finished = process.waitFor(commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(process);
            throw new SecretException("secret.command.interrupted", name);
        }
        if (!finished) {
            kill(process);
            collector.clear();
            throw new SecretException("secret.command.timeout", name, DurationSyntax.format(commandTimeout));
        }
        try {
            reader.join(commandTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int exit = process.exitValue();
        byte[] output = collector.take();
        if (exit != 0) {
            Arrays.fill(output, (byte) 0);
            throw new SecretException("secret.command.failed", name, exit);
        }
        return decode(output, Sentence.of(SecretException.AREA, "secret.command", name), false);
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /**
     * UTF-8 to chars, wiping the bytes. A file keeps its content minus one trailing newline; a command
     * gives its first line.
     */
    private static char[] decode(byte[] bytes, Sentence what, boolean wholeFile) {
        try {
            int end = bytes.length;
            if (wholeFile) {
                if (end > 0 && bytes[end - 1] == '\n') end--;
                if (end > 0 && bytes[end - 1] == '\r') end--;
            } else {
                for (int i = 0; i < bytes.length; i++) {
                    if (bytes[i] == '\n') {
                        end = i;
                        break;
                    }
                }
                if (end > 0 && bytes[end - 1] == '\r') end--;
            }
            CharBuffer chars;
            try {
                chars = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, 0, end));
            } catch (CharacterCodingException e) {
                throw new SecretException("secret.not.utf8", what);
            }
            char[] secret = new char[chars.remaining()];
            chars.get(secret);
            Arrays.fill(chars.array(), '\0');
            if (secret.length == 0) throw new SecretException("secret.empty", what);
            return secret;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Drains a command's standard output so that it never blocks on a full pipe; keeps at most the cap. */
    private static final class OutputCollector implements Runnable {
        private final InputStream in;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        OutputCollector(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[4096];
            try (in) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    synchronized (kept) {
                        int room = MAX_SECRET_BYTES - kept.size();
                        if (room > 0) kept.write(buffer, 0, Math.min(n, room));
                    }
                }
            } catch (IOException ignored) {
                // the process was killed or closed its output; what was read so far is kept
            } finally {
                Arrays.fill(buffer, (byte) 0);
            }
        }

        byte[] take() {
            synchronized (kept) {
                return kept.toByteArray();
            }
        }

        void clear() {
            synchronized (kept) {
                kept.reset();
            }
        }
    }
}
