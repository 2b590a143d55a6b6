package org.rebond.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems found while loading one file, so that all of them are reported together. */
final class ConfigProblems {
    private final String file;
    private final List<ConfigProblem> problems = new ArrayList<>();

    ConfigProblems(String file) {
        this.file = file;
    }

    void add(int line, String key, String message) {
        problems.add(new ConfigProblem(file, line, key, message));
    }

    /** Throws when anything was reported; problems are sorted by line, then in the order found. */
    void throwIfAny(String path) {
        if (problems.isEmpty()) return;
        List<ConfigProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(ConfigProblem::line));
        throw new ConfigException(path, sorted);
    }
}
