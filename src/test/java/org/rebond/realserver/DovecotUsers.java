package org.rebond.realserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The users of {@link DovecotServer}: its passwd-file ({@code dir/users}), which gives Dovecot each
 * user's password, home and storage quota, written again whole at each change. Not thread-safe:
 * {@link DovecotServer} makes the changes under its own lock.
 */
final class DovecotUsers {

    private final Path dir;
    private final String defaultQuota;
    private final Map<String, String> users = new LinkedHashMap<>();
    private final Map<String, String> quotas = new LinkedHashMap<>();
    private Instant usersWrittenAt;

    /** @param defaultQuota the quota of a user without one of its own, in Dovecot's syntax ("10M"), or null for none */
    DovecotUsers(Path dir, String defaultQuota) {
        this.dir = dir;
        this.defaultQuota = defaultQuota;
    }

    /** Adds (or changes the password of) a user. */
    void add(String user, String password) {
        users.put(user, password);
        writeUsers();
    }

    /** Sets the storage quota of one user ("2M", "100k"; "0" for none). */
    void setQuota(String user, String storage) {
        quotas.put(user, storage);
        writeUsers();
    }

    String password(String user) {
        return users.get(user);
    }

    /** A size in Dovecot's syntax ("10M", "100k", bytes without a unit) in kilobytes, as {@code doveadm quota get} shows it. */
    static long kilobytes(String size) {
        String s = size.trim().toUpperCase(Locale.ROOT);
        long number = Long.parseLong(s.replaceAll("[^0-9]", ""));
        return s.endsWith("G") ? number * 1024 * 1024 : s.endsWith("M") ? number * 1024 : s.endsWith("K") ? number : Math.max(1, number / 1024);
    }

    private void writeUsers() {
        StringBuilder b = new StringBuilder();
        for (var e : users.entrySet()) {
            String quota = quotas.getOrDefault(e.getKey(), defaultQuota);
            // user:password:uid:gid:gecos:home:shell:extra fields
            b.append(e.getKey()).append(":{PLAIN}").append(e.getValue()).append("::::").append(dir.resolve("home").resolve(e.getKey()))
                    .append("::");
            if (quota != null) {
                b.append("userdb_quota_rule=*:storage=").append(quota);
            }
            b.append('\n');
        }
        try {
            Path file = dir.resolve("users");
            Path tmp = dir.resolve("users.tmp");
            Files.writeString(tmp, b.toString());
            // Dovecot re-reads a passwd-file when its mtime changes, at one-second resolution: two
            // writes within a second would go unnoticed, so each version gets a later mtime (never in the past).
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            usersWrittenAt = usersWrittenAt == null || now.isAfter(usersWrittenAt) ? now : usersWrittenAt.plusSeconds(1);
            Files.setLastModifiedTime(tmp, FileTime.from(usersWrittenAt));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
