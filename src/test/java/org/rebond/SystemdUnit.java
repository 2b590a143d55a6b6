package org.rebond;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What tests and the benchmark read from the project's systemd units, to run the daemon's JVM as installed. */
public final class SystemdUnit {

    private SystemdUnit() {}

    /**
     * The JVM flags of the system unit's {@code ExecStart} (what follows {@code /usr/bin/java} up to
     * {@code -jar}), but the two that name installed paths: the crash-report file and the class
     * archive (whoever runs the JVM makes its own).
     */
    public static List<String> jvmFlags(Path unit) throws IOException {
        List<String> flags = new ArrayList<>();
        boolean inJava = false;
        for (String line : Files.readAllLines(unit)) {
            String text = line.strip();
            if (text.startsWith("ExecStart=/usr/bin/java")) {
                inJava = true;
                text = text.substring("ExecStart=/usr/bin/java".length());
            }
            if (!inJava) {
                continue;
            }
            for (String token : text.split("\\s+")) {
                if (token.equals("-jar")) {
                    return flags;
                }
                if (token.startsWith("-") && !token.startsWith("-XX:ErrorFile=") && !token.startsWith("-XX:SharedArchiveFile=")) {
                    flags.add(token);
                }
            }
        }
        throw new IllegalStateException(unit + " has no ExecStart=/usr/bin/java … -jar line");
    }

    /** The unit's {@code Nice=} (the daemon's scheduling priority), 0 when it sets none. */
    public static int nice(Path unit) throws IOException {
        for (String line : Files.readAllLines(unit)) {
            String text = line.strip();
            if (text.startsWith("Nice=")) {
                return Integer.parseInt(text.substring("Nice=".length()).strip());
            }
        }
        return 0;
    }
}
