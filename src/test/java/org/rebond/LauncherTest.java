package org.rebond;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Debian package's /usr/bin/rebond starts the JVM as the systemd units do: a command typed by
 * hand ({@code rebond status}) runs with the same limits as the daemon.
 */
class LauncherTest {

    private static final Path LAUNCHER = Path.of("packaging", "deb", "rebond");

    @Test
    void theLauncherStartsJavaWithTheSystemUnitsFlags() throws Exception {
        assertThat(launcherFlags()).containsAll(SystemdUnit.jvmFlags(Path.of("systemd", "rebond.service")));
        assertThat(SystemdUnit.jvmFlags(Path.of("systemd", "rebond.service"))).containsAll(launcherFlags().stream()
                .filter(flag -> !flag.startsWith("-Xlog:")).toList());
    }

    @Test
    void theLauncherUsesTheClassArchiveOnlyWhenThePackageCouldMakeIt() throws Exception {
        String script = Files.readString(LAUNCHER);

        assertThat(script).contains("if [ -r \"$archive\" ]; then")
                .contains("\"-XX:SharedArchiveFile=$archive\" -jar \"$jar\" \"$@\"")
                .contains("archive=/usr/lib/rebond/rebond.jsa")
                .contains("jar=/usr/lib/rebond/rebond.jar");
        assertThat(Files.isExecutable(LAUNCHER)).as("the launcher is executable in the sources, as in the package").isTrue();
    }

    /** The flags after {@code exec /usr/bin/java}, up to the arguments. */
    private static List<String> launcherFlags() throws Exception {
        List<String> flags = new ArrayList<>();
        boolean inJava = false;
        for (String line : Files.readAllLines(LAUNCHER)) {
            String text = line.strip();
            if (text.startsWith("exec /usr/bin/java")) {
                inJava = true;
                continue;
            }
            if (inJava) {
                for (String token : text.replace("\\", "").split("\\s+")) {
                    if (token.startsWith("-")) {
                        flags.add(token);
                    }
                }
            }
        }
        assertThat(flags).as("flags after 'exec /usr/bin/java' in " + LAUNCHER).isNotEmpty();
        return flags;
    }
}
