package org.rebond.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.rebond.i18n.Sentence;

/** Collects the problems found while loading one file, so that all of them are reported together. */
final class ConfigProblems {
    /** The bundle of the sentences saying what is wrong in a configuration. */
    static final String AREA = "configproblems";

    private final String file;
    private final List<ConfigProblem> problems = new ArrayList<>();

    ConfigProblems(String file) {
        this.file = file;
    }

    /** A problem at {@code line} of {@code key}: the sentence {@code code} of {@link #AREA} with {@code arguments}. */
    void add(int line, String key, String code, Object... arguments) {
        add(line, key, say(code, arguments));
    }

    void add(int line, String key, Sentence what) {
        problems.add(new ConfigProblem(file, line, key, what));
    }

    static Sentence say(String code, Object... arguments) {
        return Sentence.of(AREA, code, arguments);
    }

    /** Throws when anything was reported; problems are sorted by line, then in the order found. */
    void throwIfAny(String path) {
        if (problems.isEmpty()) return;
        List<ConfigProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(ConfigProblem::line));
        throw new ConfigException(path, sorted);
    }
}
