package org.rebond.store;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The state is its user's alone whatever the umask (the tests run under the usual 0022, which
 * would leave every file readable by all): what rebond creates is 0600 or 0700, and what is
 * already there open to others is tightened with a warning.
 */
class PrivateStateTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void listen() {
        logs.start();
        logger().addAppender(logs);
    }

    @AfterEach
    void stopListening() {
        logger().detachAppender(logs);
    }

    private static Logger logger() {
        return (Logger) LoggerFactory.getLogger(PrivateFiles.class);
    }

    private List<String> warnings() {
        synchronized (logs) {
            return new ArrayList<>(logs.list).stream().filter(e -> e.getLevel() == Level.WARN)
                    .map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static void chmod(Path path, String mode) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    @Test
    void aNewDatabaseItsWalAndShmAndTheFoldersMadeForItAreTheirOwnersAlone() throws IOException {
        Path file = dir.resolve("home/.local/state/rebond/rebond.db");

        try (Database db = Database.open(file, true)) {
            new SqlQuarantine(db, CLOCK).add("INBOX", "uid 7", "calendar part too large");

            assertThat(sibling(file, "-wal")).exists();
            assertThat(sibling(file, "-shm")).exists();
            for (Path f : List.of(file, sibling(file, "-wal"), sibling(file, "-shm"))) {
                assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------");
            }
        }
        for (Path folder : List.of(dir.resolve("home"), dir.resolve("home/.local"), dir.resolve("home/.local/state"), file.getParent())) {
            assertThat(mode(folder)).as(folder.toString()).isEqualTo("rwx------");
        }
        assertThat(warnings()).as("nothing was open to tighten").isEmpty();
    }

    @Test
    void theInstanceLockIsItsOwnersAloneAndTightenedWhenItWasNot() throws IOException {
        Path database = dir.resolve("rebond.db");
        InstanceLock.acquire(database).close();
        Path lockFile = sibling(database, ".lock");
        assertThat(mode(lockFile)).isEqualTo("rw-------");

        chmod(lockFile, "rw-rw-r--");
        InstanceLock.acquire(database).close();

        assertThat(mode(lockFile)).isEqualTo("rw-------");
        assertThat(warnings()).containsExactly(lockFile.toAbsolutePath()
                + " was open to other local users (mode 0664 (rw-rw-r--)); tightened to mode 0600 (rw-------)");
    }

    @Test
    void anExistingDatabaseWalShmAndStateDirectoryOpenToOthersAreTightenedWithOneWarningEach() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("state"));
        Path file = folder.resolve("rebond.db");
        Database.open(file).close();
        // What a database made under umask 0022 looks like while a connection (another rebond
        // command, or one that crashed) still holds its -wal and -shm.
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = other.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("INSERT INTO quarantine (source, item, reason, created_at) VALUES ('INBOX', 'uid 8', 'too large', '2025-03-01T10:00:00Z')");
            List<Path> opened = List.of(file, sibling(file, "-wal"), sibling(file, "-shm"));
            for (Path f : opened) {
                chmod(f, "rw-r--r--");
            }
            chmod(folder, "rwxr-xr-x");

            try (Database db = Database.open(file, true)) {
                assertThat(new SqlQuarantine(db, CLOCK).all()).extracting(SqlQuarantine.Item::item).contains("uid 8");
                for (Path f : opened) {
                    assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------");
                }
            }
            assertThat(mode(folder)).isEqualTo("rwx------");
            assertThat(warnings()).containsExactly(
                    folder + " was open to other local users (mode 0755 (rwxr-xr-x)); tightened to mode 0700 (rwx------)",
                    file + " was open to other local users (mode 0644 (rw-r--r--)); tightened to mode 0600 (rw-------)",
                    sibling(file, "-wal") + " was open to other local users (mode 0644 (rw-r--r--)); tightened to mode 0600 (rw-------)",
                    sibling(file, "-shm") + " was open to other local users (mode 0644 (rw-r--r--)); tightened to mode 0600 (rw-------)");
        }
    }

    @Test
    void theWarningIsOneLineWithoutAStackTrace() throws IOException {
        Path file = dir.resolve("rebond.db");
        Database.open(file).close();
        chmod(file, "rw-r-----");

        Database.open(file).close();

        synchronized (logs) {
            assertThat(logs.list).singleElement().satisfies(e -> {
                assertThat(e.getThrowableProxy()).isNull();
                assertThat(e.getFormattedMessage()).doesNotContain("\n").contains(file.toString(), "0640", "0600");
            });
        }
    }

    @Test
    void aFolderTheUserChoseIsLeftAsItIsWhileTheDatabaseInItIsTightened() throws IOException {
        Path chosen = Files.createDirectories(dir.resolve("camille"));
        chmod(chosen, "rwxr-x--x");
        Path file = chosen.resolve("rebond.db");
        Database.open(file).close();
        chmod(file, "rw-r--r--");

        Database.open(file, false).close();

        assertThat(mode(chosen)).as("perhaps the user's home: not rebond's to change").isEqualTo("rwxr-x--x");
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(warnings()).singleElement().asString().startsWith(file + " was open to other local users");
    }

    @Test
    void aTemporaryFolderForTheDemoIsItsOwnersAlone() throws IOException {
        Path folder = PrivateFiles.createTempFolder("rebond-test-");
        try {
            assertThat(mode(folder)).isEqualTo("rwx------");
        } finally {
            Files.delete(folder);
        }
    }
}
