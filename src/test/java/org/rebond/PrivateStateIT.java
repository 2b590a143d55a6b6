package org.rebond;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.config.ConfigLoader;
import org.rebond.config.RebondConfig;
import org.rebond.store.Database;
import org.rebond.store.PrivateFiles;
import org.slf4j.LoggerFactory;

/** The daemon's start keeps its state directory and what is in it to the user running it, whatever the umask. */
class PrivateStateIT {

    @TempDir
    Path dir;

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aStartTightensAStateDirectoryAndADatabaseLeftOpenToOthersByAnEarlierRunAndSaysSo() throws IOException {
        Path state = Files.createDirectories(dir.resolve("state"));
        Path database = state.resolve("rebond.db");
        // What a run by hand under umask 0022 left before this version of rebond.
        Database.open(database).close();
        Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxr-xr-x"));
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger logger = (Logger) LoggerFactory.getLogger(PrivateFiles.class);
        logger.addAppender(logs);
        try (TestMailbox mailbox = new TestMailbox(true)) {
            Path configFile = mailbox.writeConfig(dir, null);
            Files.writeString(configFile, Files.readString(configFile).replace("storage:\n  database: rebond.db\n", ""));
            RebondConfig config = new ConfigLoader(Map.of("STATE_DIRECTORY", state.toString())::get, dir, ZoneId.of("Europe/Paris"))
                    .load(configFile);
            assertThat(config.storage().database()).isEqualTo(database);

            try (App app = App.start(config, App.Options.production(Clock.systemUTC()))) {
                assertThat(mode(state)).isEqualTo("rwx------");
                for (String file : List.of("rebond.db", "rebond.db-wal", "rebond.db-shm", "rebond.db.lock")) {
                    assertThat(mode(state.resolve(file))).as(file).isEqualTo("rw-------");
                }
            }
        } finally {
            logger.detachAppender(logs);
        }
        List<String> warnings;
        synchronized (logs) {
            warnings = new ArrayList<>(logs.list).stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
        }
        assertThat(warnings).containsExactly(
                state + " was open to other local users (mode 0755 (rwxr-xr-x)); tightened to mode 0700 (rwx------)",
                database + " was open to other local users (mode 0644 (rw-r--r--)); tightened to mode 0600 (rw-------)");
    }
}
