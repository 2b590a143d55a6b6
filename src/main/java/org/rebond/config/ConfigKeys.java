package org.rebond.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The keys of {@code rebond.yaml}: which sections there are, which keys each accepts, and which
 * key names look like they hold a secret (whose values are then never echoed in messages).
 */
final class ConfigKeys {
    private static final Map<String, List<String>> SCHEMA = schema();

    private ConfigKeys() {}

    /** Each section's name mapped to its keys, in the order of the example file; unmodifiable. */
    static Map<String, List<String>> bySection() {
        return SCHEMA;
    }

    /** Every key the loader accepts, dotted ({@code mailbox.port}), in the order of the example file. */
    static Set<String> dotted() {
        Set<String> keys = new LinkedHashSet<>();
        SCHEMA.forEach((section, names) -> names.forEach(n -> keys.add(section + "." + n)));
        return Collections.unmodifiableSet(keys);
    }

    /** Keys whose values are never echoed in messages. */
    static boolean mayHoldSecret(String key) {
        return key.startsWith("password") || looksLikeInlineSecret(key);
    }

    /** A key that is not one of ours and looks like it holds a secret itself ({@code password:}, {@code token:} …). */
    static boolean looksLikeInlineSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT).replace("-", "_");
        if (k.equals("password_file") || k.equals("password_credential") || k.equals("password_command")) return false;
        return k.contains("password") || k.contains("passwd") || k.contains("secret") || k.contains("token")
                || k.equals("pass") || k.equals("pwd") || k.contains("api_key") || k.contains("apikey");
    }

    private static Map<String, List<String>> schema() {
        Map<String, List<String>> s = new LinkedHashMap<>();
        s.put("profile", List.of("name", "addresses", "language", "time_zone", "objective", "pitch", "questions", "signature", "circles"));
        s.put("mailbox", List.of("host", "port", "security", "allow_plaintext_on_loopback", "username",
                "password_file", "password_credential", "password_command", "oauth2_token_command", "ca_file",
                "inbox", "drafts", "sent", "archive", "create_drafts", "idle", "poll_interval",
                "connect_timeout", "read_timeout", "write_timeout"));
        s.put("storage", List.of("kind", "database", "url", "username", "password_file", "password_credential", "password_command",
                "pool_size"));
        s.put("schedule", List.of("brief_before", "prep_duration", "debrief_after_end", "thank_you_after_end",
                "human_hours", "thank_you_not_after", "late_end_after", "next_morning_at", "keep_posted_after_end", "prep_reminder",
                "news_after_referral_met", "pause_after_unanswered"));
        s.put("detection", List.of("marker", "include_words", "exclude_words", "categories"));
        s.put("limits", List.of("max_message_bytes", "max_calendar_part_bytes", "max_timezones", "max_components",
                "max_instances"));
        s.put("templates", List.of("directory"));
        s.put("drafts", List.of("html"));
        s.put("calendars", List.of("type", "url", "path", "username", "password_file", "password_credential", "password_command",
                "allow_plaintext_on_loopback", "interval", "timeout", "prep_calendar"));
        return Collections.unmodifiableMap(s);
    }
}
