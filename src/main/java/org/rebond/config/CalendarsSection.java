package org.rebond.config;

import static org.rebond.config.YamlSection.or;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads {@code calendars:}, a list of sources, each a mapping; every problem is reported as calendars[N].key. */
final class CalendarsSection {
    private final ConfigPaths paths;
    private final PasswordSources passwords;
    private final ConfigProblems problems;

    CalendarsSection(ConfigPaths paths, PasswordSources passwords, ConfigProblems problems) {
        this.paths = paths;
        this.passwords = passwords;
        this.problems = problems;
    }

    /**
     * @param node   the value of {@code calendars:}, or null when the key is absent
     * @param line   the line of the {@code calendars:} key
     * @param leaves every key name of every section, mapped to its dotted key, for "did you mean" hints
     */
    List<RebondConfig.Calendar> read(Node node, int line, Map<String, String> leaves) {
        if (node == null) return List.of();
        if (!(node instanceof SequenceNode list)) {
            problems.add(line, "calendars", "calendars.list");
            return List.of();
        }
        Set<String> keys = new LinkedHashSet<>(ConfigKeys.bySection().get("calendars"));
        Map<String, String> elsewhere = new LinkedHashMap<>(leaves);
        keys.forEach(elsewhere::remove);
        List<RebondConfig.Calendar> out = new ArrayList<>();
        int index = 0;
        for (Node item : list.getValue()) {
            index++;
            YamlSection s = new YamlSection("calendars[" + index + "]", item, YamlSection.lineOf(item), keys, elsewhere, problems);
            RebondConfig.Calendar c = calendar(s);
            if (c != null && c.prepCalendar() != null && out.stream().anyMatch(o -> o.prepCalendar() != null)) {
                s.problem("prep_calendar", "prep.calendar.once");
            }
            if (c != null) out.add(c);
        }
        return List.copyOf(out);
    }

    private RebondConfig.Calendar calendar(YamlSection s) {
        RebondConfig.CalendarType type = s.choice("type", List.of("caldav", "ics-url", "ics-file"),
                v -> RebondConfig.CalendarType.valueOf(v.toUpperCase(Locale.ROOT).replace('-', '_')));
        if (type == null) {
            if (!s.has("type")) s.problem("type", "calendar.type.required");
            return null;
        }
        boolean allowPlaintext = or(s.bool("allow_plaintext_on_loopback"), false);
        URI url = null;
        Path path = null;
        if (type == RebondConfig.CalendarType.ICS_FILE) {
            for (String k : List.of("url", "username", "password_file", "password_credential", "password_command", "prep_calendar")) {
                if (s.has(k)) s.problem(k, "ics.file.no.key");
            }
            path = paths.path(s, "path");
            if (path == null && !s.has("path")) s.problem("path", "ics.file.path.required");
            else if (path != null && !Files.exists(path)) s.problem("path", "ics.file.missing", path);
        } else {
            if (s.has("path")) s.problem("path", "calendar.no.path", s.line("type"));
            url = url(s, "url", allowPlaintext);
            if (url == null && !s.has("url")) s.problem("url", "calendar.url.required", s.line("type"));
        }
        URI prep = null;
        if (s.has("prep_calendar") && type != RebondConfig.CalendarType.ICS_FILE) {
            if (type != RebondConfig.CalendarType.CALDAV) s.problem("prep_calendar", "prep.calendar.caldav");
            else if (!s.line("prep_calendar").isEmpty()) prep = url(s, "prep_calendar", allowPlaintext);
        }
        String username = or(s.line("username"), "");
        RebondConfig.Secret password = type == RebondConfig.CalendarType.ICS_FILE ? null : passwords.secret(s, true);
        if (password != null && username.isEmpty()) s.problem("username", "calendar.username.required");
        return new RebondConfig.Calendar(type, url, path, username, password, allowPlaintext,
                or(s.duration("interval", false), Duration.ofMinutes(type == RebondConfig.CalendarType.ICS_FILE ? 1 : 5)),
                or(s.duration("timeout", false), Duration.ofSeconds(30)), prep);
    }

    /** An http(s) URL; plain http only to loopback with allow_plaintext_on_loopback (DESIGN I8). */
    private URI url(YamlSection s, String key, boolean allowPlaintext) {
        String v = s.line(key);
        if (v == null) return null;
        URI u;
        try {
            u = new URI(v);
        } catch (URISyntaxException e) {
            s.problem(key, "url.invalid");
            return null;
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!List.of("https", "http", "webcal").contains(scheme) || u.getHost() == null) {
            s.problem(key, "url.https");
            return null;
        }
        if (u.getUserInfo() != null) {
            s.problem(key, "url.user.info");
            return null;
        }
        if (scheme.equals("http")) {
            if (!Loopback.isLoopback(u.getHost())) {
                s.problem(key, "url.http.remote", u.getHost());
                return null;
            }
            if (!allowPlaintext) {
                s.problem(key, "url.http.loopback");
                return null;
            }
        }
        return u;
    }
}
