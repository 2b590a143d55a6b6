package org.rebond.config;

import static org.rebond.config.YamlSection.or;

import java.util.List;
import java.util.Locale;

/**
 * Reads {@code storage:}: the SQLite file (the default, {@code kind: sqlite}), or a PostgreSQL
 * database that several rebond nodes may share ({@code kind: postgresql}: its JDBC URL, user,
 * password source and pool size). The password is read like the mailbox's, from a file, a systemd
 * credential or a command, never from this file or the URL.
 */
final class StorageSection {
    static final int DEFAULT_POOL_SIZE = 8;
    private static final List<String> POSTGRESQL_KEYS = List.of("url", "username", "password_file", "password_credential",
            "password_command", "pool_size");

    private final ConfigPaths paths;
    private final PasswordSources passwords;

    StorageSection(ConfigPaths paths, PasswordSources passwords) {
        this.paths = paths;
        this.passwords = passwords;
    }

    RebondConfig.Storage read(YamlSection s) {
        RebondConfig.StorageKind kind = or(s.choice("kind", List.of("sqlite", "postgresql"),
                v -> RebondConfig.StorageKind.valueOf(v.toUpperCase(Locale.ROOT))), RebondConfig.StorageKind.SQLITE);
        RebondConfig.Storage file = paths.storage(s);
        if (kind == RebondConfig.StorageKind.SQLITE) {
            for (String key : POSTGRESQL_KEYS) {
                if (s.has(key)) {
                    s.problem(key, "storage.postgresql.only");
                }
            }
            return file;
        }
        if (s.has("database")) {
            s.problem("database", "storage.database.with.postgresql");
        }
        String url = s.required("url", s.line("url"));
        if (url != null && !url.startsWith("jdbc:postgresql://")) {
            s.problem("url", "storage.url.not.postgresql");
            url = null;
        } else if (url != null && url.toLowerCase(Locale.ROOT).matches(".*[?&]password=.*")) {
            s.problem("url", "storage.url.password");
            url = null;
        }
        Integer poolSize = s.integer("pool_size", 2, 100);
        return new RebondConfig.Storage(kind, file.database(), file.inStateDirectory(), url, s.line("username"),
                passwords.secret(s, true), or(poolSize, DEFAULT_POOL_SIZE), null);
    }
}
