package org.rebond.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@link ClusterIT} prints as it goes: notes of its progress, with the seconds since it
 * started, and its figures as {@code name value unit} lines, kept for {@code figures.txt}.
 */
final class ClusterReport {

    private final List<String> figures = new ArrayList<>();
    private final long started = System.nanoTime();

    /** Seconds since the test started. */
    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    void note(String what) {
        System.out.printf(Locale.ROOT, "[cluster %6.1f s] %s%n", seconds(), what);
    }

    void figure(String name, double value, String unit) {
        String line = String.format(Locale.ROOT, value == Math.rint(value) && Math.abs(value) < 1e12 ? "%s %.0f %s" : "%s %.1f %s", name, value, unit);
        figures.add(line);
        System.out.println(line);
    }

    /** Writes the figures printed so far to {@code file}, one a line. */
    void writeFigures(Path file) throws IOException {
        Files.write(file, figures);
    }
}
