package org.rebond.config;

import static org.rebond.config.YamlSection.or;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads {@code mailbox:}: the IMAP server, how to reach it safely, where the password is, the folders and timings. */
final class MailboxSection {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?\\.?|\\[?[0-9A-Fa-f:.]+]?");

    private final ConfigPaths paths;
    private final PasswordSources passwords;

    MailboxSection(ConfigPaths paths, PasswordSources passwords) {
        this.paths = paths;
        this.passwords = passwords;
    }

    RebondConfig.Mailbox read(YamlSection s) {
        String host = s.required("host", s.line("host"));
        if (host != null) host = checkHost(s, host);
        RebondConfig.Security security = or(s.choice("security", List.of("tls", "starttls", "none"),
                v -> RebondConfig.Security.valueOf(v.toUpperCase(Locale.ROOT))), RebondConfig.Security.TLS);
        Integer port = s.integer("port", 1, 65535);
        if (port == null) port = security == RebondConfig.Security.TLS ? 993 : 143;
        boolean allowPlaintext = or(s.bool("allow_plaintext_on_loopback"), false);
        boolean loopback = host != null && Loopback.isLoopback(host);
        if (security == RebondConfig.Security.NONE && host != null) {
            if (!loopback) {
                s.problem("security", "security.none.remote", host);
            } else if (!allowPlaintext) {
                s.problem("security", "security.none.loopback");
            }
        }
        String username = s.required("username", s.line("username"));
        RebondConfig.Secret password = passwords.secret(s, loopback && security == RebondConfig.Security.NONE);
        Path caFile = paths.existing(s, "ca_file", false);
        String inbox = folder(s, "inbox", false);
        boolean oauth2 = s.has("oauth2_token_command");
        String archive = folder(s, "archive", true);
        return new RebondConfig.Mailbox(host, port, security, allowPlaintext, username, password, oauth2, caFile,
                or(inbox, "INBOX"), folder(s, "drafts", true), folder(s, "sent", true), archive,
                or(s.bool("create_drafts"), false), or(s.bool("idle"), true),
                or(s.duration("poll_interval", false), Duration.ofMinutes(2)),
                or(s.duration("connect_timeout", false), Duration.ofSeconds(20)),
                or(s.duration("read_timeout", false), Duration.ofSeconds(60)),
                or(s.duration("write_timeout", false), Duration.ofSeconds(60)));
    }

    private String checkHost(YamlSection s, String host) {
        if (host.contains("://")) {
            s.problem("host", "host.scheme", s.got("host", host));
            return null;
        }
        if (host.matches("[^:\\[\\]]+:\\d+")) {
            s.problem("host", "host.port", s.got("host", host));
            return null;
        }
        if (!HOST.matcher(host).matches()) {
            s.problem("host", "host.invalid", s.got("host", host));
            return null;
        }
        return host;
    }

    private String folder(YamlSection s, String key, boolean emptyMeansDetect) {
        String raw = s.text(key);
        if (raw == null) return null;
        if (raw.isEmpty()) {
            if (!emptyMeansDetect) s.problem(key, "folder.empty");
            return null;
        }
        if (raw.isBlank()) {
            s.problem(key, emptyMeansDetect ? "folder.blank.detect" : "folder.blank");
            return null;
        }
        String v = s.oneLine(key, raw);
        if (v == null) return null;
        if (v.contains("*") || v.contains("%")) {
            s.problem(key, "folder.wildcards", s.got(key, v));
            return null;
        }
        if (v.length() > 500) {
            s.problem(key, "folder.too.long");
            return null;
        }
        return v;
    }
}
