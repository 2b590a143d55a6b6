package org.rebond.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The short start that {@code rebond class-archive} records: it must go through a whole start of the daemon. */
class RehearsalTest {

    @Test
    void theRehearsalReadsTheDemoMailboxTakesTheInvitationAndDeliversItsBrief(@TempDir Path dir) throws Exception {
        Rehearsal.Outcome outcome = Rehearsal.run(dir, Duration.ofMinutes(1), Clock.systemUTC());

        assertThat(outcome.interviewTaken()).as("invitation taken as an interview").isTrue();
        assertThat(outcome.briefDelivered()).as("brief delivered into the demo mailbox").isTrue();
        assertThat(dir.resolve("rebond.db")).as("the daemon's own SQLite file, in the rehearsal's directory").exists();
        for (String file : new String[] {"rebond.db", "rebond.db.lock", "rebond.yaml", "imap-password"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))))
                    .as(file + ", made by the daemon's start whatever the tests' umask").isEqualTo("rw-------");
        }
    }
}
