package org.rebond.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Paths written in the configuration: {@code ~} is the home directory, a relative path is relative
 * to the configuration file's directory. Also reads the two sections made of paths only,
 * {@code storage:} (with the database's default place) and {@code templates:}.
 */
final class ConfigPaths {
    private final Path file;
    private final Path home;
    private final Function<String, String> environment;

    /**
     * @param file        the configuration file, absolute
     * @param home        what {@code ~} stands for
     * @param environment looks up {@code STATE_DIRECTORY}; returns null when unset
     */
    ConfigPaths(Path file, Path home, Function<String, String> environment) {
        this.file = file;
        this.home = home;
        this.environment = environment;
    }

    RebondConfig.Storage storage(YamlSection s) {
        Path db = path(s, "database");
        if (db != null && Files.isDirectory(db)) {
            s.problem("database", "path.is.directory", db.resolve("rebond.db"));
        }
        Path defaultDatabase = defaultDatabase().toAbsolutePath().normalize();
        if (db == null) db = defaultDatabase;
        return new RebondConfig.Storage(db, defaultDatabase.getParent().equals(db.getParent()));
    }

    private Path defaultDatabase() {
        String state = environment.apply("STATE_DIRECTORY");
        if (state != null && !state.isBlank()) {
            // systemd joins several StateDirectory= entries with colons; ours is the first.
            return Path.of(state.split(":")[0]).resolve("rebond.db");
        }
        return home.resolve(".local/state/rebond/rebond.db");
    }

    RebondConfig.Templates templates(YamlSection s) {
        return new RebondConfig.Templates(existing(s, "directory", true));
    }

    /** A path that must exist now: a directory or a readable regular file. */
    Path existing(YamlSection s, String key, boolean directory) {
        Path p = path(s, key);
        if (p == null) return null;
        if (directory ? !Files.isDirectory(p) : !Files.isRegularFile(p)) {
            s.problem(key, directory ? "path.no.directory" : "path.no.file", p);
            return null;
        }
        if (!Files.isReadable(p)) {
            s.problem(key, "path.unreadable", p);
            return null;
        }
        return p;
    }

    /** {@code ~} is the home directory; a relative path is relative to the configuration file's directory. */
    Path path(YamlSection s, String key) {
        String v = s.line(key);
        if (v == null) return null;
        if (v.isEmpty()) {
            s.problem(key, "path.empty");
            return null;
        }
        if (v.startsWith("$")) {
            s.problem(key, "path.variable", s.got(key, v));
            return null;
        }
        try {
            Path p;
            if (v.equals("~")) {
                p = home;
            } else if (v.startsWith("~/")) {
                p = home.resolve(v.substring(2));
            } else if (v.startsWith("~")) {
                s.problem(key, "path.tilde.user");
                return null;
            } else {
                p = file.getParent().resolve(v);
            }
            return p.toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            s.problem(key, "path.invalid", s.got(key, v));
            return null;
        }
    }
}
