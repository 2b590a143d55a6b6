package org.rebond.config;

import java.util.List;

/**
 * The configuration file cannot be used. The message lists every problem, one per line, as
 * {@code file:line: key: message}, then says what to do. The command line maps it to exit
 * status 78 (EX_CONFIG), which the systemd unit lists in {@code RestartPreventExitStatus=}.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<ConfigProblem> problems;
    private final String path;

    public ConfigException(String path, List<ConfigProblem> problems) {
        super(format(path, problems));
        this.problems = List.copyOf(problems);
        this.path = path;
    }

    /** The file, as the user gave it (made absolute). */
    public String path() {
        return path;
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String format(String path, List<ConfigProblem> problems) {
        StringBuilder s = new StringBuilder();
        s.append("The configuration ").append(path).append(" has ")
                .append(problems.size()).append(problems.size() == 1 ? " problem:" : " problems:");
        for (ConfigProblem p : problems) s.append("\n  ").append(p);
        s.append("\nFix ").append(problems.size() == 1 ? "it" : "them")
                .append(" and start rebond again; every key, its default and its meaning are described in")
                .append(" config/rebond.example.yaml.");
        return s.toString();
    }
}
