package org.rebond.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.application.StoreException;

class InstanceLockTest {

    @TempDir
    Path dir;

    /** What a second rebond process on the same database does: exit code and output. */
    private record Probe(int exitCode, String output) {}

    private Probe secondProcess(Path database) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                LockProbe.class.getName(), database.toString())).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the probe process ends").isTrue();
        return new Probe(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aSecondLockOnTheSameDatabaseIsRefusedWithWhatToDo() {
        Path database = dir.resolve("rebond.db");
        try (InstanceLock first = InstanceLock.acquire(database)) {
            assertThatThrownBy(() -> InstanceLock.acquire(database))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("another rebond is already running on " + database)
                    .hasMessageContaining("stop it first")
                    .hasMessageContaining("storage.database");
        }
    }

    @Test
    void theLockCanBeTakenAgainOnceReleased() {
        Path database = dir.resolve("rebond.db");
        InstanceLock.acquire(database).close();

        try (InstanceLock again = InstanceLock.acquire(database)) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void anotherProcessIsRefusedWhileTheLockIsHeld() throws Exception {
        Path database = dir.resolve("rebond.db");
        try (InstanceLock held = InstanceLock.acquire(database)) {
            Probe probe = secondProcess(database);

            assertThat(probe.exitCode()).as(probe.output()).isEqualTo(3);
            assertThat(probe.output()).contains("another rebond is already running").contains("stop it first");
        }
        assertThat(secondProcess(database).output()).contains("LOCKED");
    }

    @Test
    void anotherProcessReadsWhoHoldsTheLockAndSinceWhenWithoutFreeingIt() throws Exception {
        Path database = dir.resolve("rebond.db");
        Instant since = Instant.parse("2026-12-07T08:00:00Z");
        try (InstanceLock held = InstanceLock.acquire(database, InstanceLock.Holder.thisProcess(since, InstanceLock.DAEMON))) {
            assertThat(InstanceLock.holder(database)).as("in this process, from memory")
                    .contains(new InstanceLock.Holder(ProcessHandle.current().pid(), since, "run"));

            Probe probe = secondProcess(database);

            assertThat(probe.exitCode()).as(probe.output()).isEqualTo(3);
            assertThat(probe.output()).contains("HOLDER pid=" + ProcessHandle.current().pid() + " since=" + since + " command=run");
            assertThat(secondProcess(database).exitCode()).as("reading the holder in this process freed nothing").isEqualTo(3);
        }
    }

    @Test
    void aRefusedAttemptInTheSameProcessDoesNotReleaseTheLockHeld() throws Exception {
        Path database = dir.resolve("rebond.db");
        try (InstanceLock held = InstanceLock.acquire(database)) {
            assertThatThrownBy(() -> InstanceLock.acquire(database)).isInstanceOf(StoreException.class);

            Probe probe = secondProcess(database);

            assertThat(probe.exitCode()).as("a second process after the refused attempt: " + probe.output()).isEqualTo(3);
        }
    }

    @Test
    void locksOnDifferentDatabasesDoNotConflict() {
        try (InstanceLock a = InstanceLock.acquire(dir.resolve("a.db")); InstanceLock b = InstanceLock.acquire(dir.resolve("b.db"))) {
            assertThat(a).isNotSameAs(b);
        }
    }
}
