package org.rebond.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion script, loaded in a real bash, completes rebond's commands and a command's options. */
class CompletionCommandTest {

    /** What bash offers after {@code words} (the last one being completed), with the script loaded. */
    private static String complete(Path script, String... words) throws Exception {
        String array = String.join(" ", java.util.Arrays.stream(words).map(w -> "'" + w + "'").toList());
        String line = "source '" + script + "'; COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1)
                + "; COMP_LINE='" + String.join(" ", words) + "'; COMP_POINT=${#COMP_LINE}; _complete_rebond; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Process bash = new ProcessBuilder("bash", "-c", line).redirectErrorStream(true).start();
        assertThat(bash.waitFor(20, TimeUnit.SECONDS)).as("bash answered").isTrue();
        return new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void tabAfterRebondOffersEveryCommandAndTabAfterANoteOffersItsOptions(@TempDir Path dir) throws Exception {
        Cli.Result result = Cli.run("completion");
        assertThat(result.exitCode()).as(result.all()).isZero();
        Path script = dir.resolve("rebond-completion.bash");
        Files.writeString(script, result.out());

        assertThat(complete(script, "rebond", "st").lines()).containsExactly("status");
        assertThat(complete(script, "rebond", "").lines()).contains("run", "demo", "doctor", "status", "notes", "milestone", "network",
                "contact", "done", "allowlist", "completion");
        assertThat(complete(script, "rebond", "notes", "--").lines()).contains("--file", "--show", "--dry-run", "--config", "--help");
    }
}
