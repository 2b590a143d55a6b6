package org.rebond;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * The environment the unit gives the service ({@code Environment=NAME=VALUE} lines, quoted
     * or not, systemd's {@code %%} read as {@code %}), in order.
     */
    public static Map<String, String> environment(Path unit) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(unit)) {
            String text = line.strip();
            if (!text.startsWith("Environment=")) {
                continue;
            }
            String assignment = text.substring("Environment=".length());
            if (assignment.length() >= 2 && assignment.startsWith("\"") && assignment.endsWith("\"")) {
                assignment = assignment.substring(1, assignment.length() - 1);
            }
            int equals = assignment.indexOf('=');
            if (equals > 0) {
                out.put(assignment.substring(0, equals), assignment.substring(equals + 1).replace("%%", "%"));
            }
        }
        return out;
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
