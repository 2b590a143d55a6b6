package org.rebond.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.rebond.config.ConfigLoader;
import org.rebond.config.Loopback;
import org.rebond.config.RebondConfig.Security;
import org.rebond.i18n.Messages;
import org.rebond.store.PrivateFiles;

/**
 * The configuration {@code rebond init} writes: the keys it asked about, each with a comment in
 * the user's language, every other key left to its default (docs/configuration.md describes
 * them). Values are written as YAML double-quoted strings, so that no answer can change the
 * file's structure.
 */
final class SetupFile {

    private SetupFile() {}

    static String yaml(SetupAnswers a, Messages m, LocalDate today) {
        StringBuilder y = new StringBuilder();
        comment(y, "", m.get("yaml.header", today));
        comment(y, "", m.get("yaml.header.more"));
        y.append('\n').append("profile:\n");
        key(y, m.get("yaml.name"), "name", quoted(a.name()));
        comment(y, "  ", m.get("yaml.addresses"));
        y.append("  addresses:\n");
        for (String address : a.addresses()) {
            y.append("    - ").append(quoted(address)).append('\n');
        }
        key(y, m.get("yaml.language"), "language", a.language().getLanguage());
        key(y, m.get("yaml.zone"), "time_zone", quoted(a.zone().getId()));
        key(y, m.get("yaml.objective"), "objective", quoted(a.objective()));
        key(y, m.get("yaml.pitch"), "pitch", quoted(a.pitch()));
        y.append('\n').append("mailbox:\n");
        key(y, a.provider() == null ? m.get("yaml.host") : m.get("yaml.host.preset", a.provider()), "host", quoted(a.host()));
        key(y, m.get("yaml.security"), "security", a.security().name().toLowerCase(Locale.ROOT));
        key(y, null, "port", String.valueOf(a.port()));
        if (a.security() == Security.NONE && Loopback.isLoopback(a.host())) {
            key(y, m.get("yaml.plaintext"), "allow_plaintext_on_loopback", "true");
        }
        key(y, m.get("yaml.username"), "username", quoted(a.username()));
        SetupAnswers.PasswordPlan p = a.password();
        switch (p.keeping()) {
            case FILE -> key(y, m.get("yaml.password.file"), "password_file", quoted(p.file().toString()));
            case CREDENTIAL -> key(y, m.get("yaml.password.credential", p.file()), "password_credential", quoted(p.credential()));
            case COMMAND -> key(y, m.get("yaml.password.command"), "password_command", list(p.command()));
            case OAUTH2 -> key(y, m.get("yaml.password.oauth2"), "oauth2_token_command", list(p.command()));
        }
        if (a.caFile() != null) {
            key(y, m.get("yaml.ca"), "ca_file", quoted(a.caFile().toAbsolutePath().toString()));
        }
        key(y, m.get("yaml.drafts"), "create_drafts", "true");
        if (a.database() != null) {
            y.append('\n').append("storage:\n");
            key(y, m.get("yaml.database"), "database", quoted(a.database().toAbsolutePath().toString()));
        }
        return y.toString();
    }

    /**
     * Loads {@code text} with the real loader before anything is written, from a private temporary
     * folder under the same file name, so that a problem leaves the user's files untouched.
     *
     * @throws org.rebond.config.ConfigException listing the problems (exit code 78)
     */
    static void check(String text, String fileName) throws IOException {
        Path folder = PrivateFiles.createTempFolder("rebond-init");
        Path trial = folder.resolve(fileName);
        try {
            PrivateFiles.writeString(trial, text);
            new ConfigLoader().load(trial);
        } finally {
            Files.deleteIfExists(trial);
            Files.deleteIfExists(folder);
        }
    }

    /** Writes {@code text} to {@code file}, {@code 0600}; the folders it creates are {@code 0700}. */
    static void write(Path file, String text) throws IOException {
        PrivateFiles.createFolders(file.toAbsolutePath().getParent());
        PrivateFiles.writeString(file, text);
    }

    private static void key(StringBuilder y, String comment, String key, String value) {
        if (comment != null) comment(y, "  ", comment);
        y.append("  ").append(key).append(": ").append(value).append('\n');
    }

    private static void comment(StringBuilder y, String indent, String text) {
        for (String line : text.split("\n")) {
            y.append(indent).append("# ").append(line).append('\n');
        }
    }

    private static String list(List<String> items) {
        return items.stream().map(SetupFile::quoted).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A YAML double-quoted scalar: backslash, quote and control characters escaped. */
    static String quoted(String value) {
        StringBuilder q = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
