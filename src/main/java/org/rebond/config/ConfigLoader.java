package org.rebond.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads {@code rebond.yaml} into a {@link RebondConfig}, or reports every problem in it at once.
 *
 * <p>The file is composed into YAML nodes only (no object construction, no tags, few aliases, a
 * size cap), so that each value keeps its line and nothing in the file can instantiate a class.
 * Secrets are never in the file: it only says where the password lives ({@link SecretReader} reads it).
 */
public final class ConfigLoader {
    /** The largest configuration file accepted. */
    public static final int MAX_FILE_BYTES = 1 << 20;

    static final String INLINE_SECRET_REFUSED =
            "secrets are not accepted in this file, nor from the environment: the file is read by more"
            + " than you (backups, support requests, version control) and the environment is visible to"
            + " other processes. Put the password in a file only you can read and set"
            + " mailbox.password_file (chmod 600 FILE); or, under systemd, add LoadCredential=imap-password:FILE"
            + " to the unit and set mailbox.password_credential: imap-password; or set mailbox.password_command"
            + " to a command that prints it, e.g. [pass, show, mail/imap]";

    private static final Map<String, List<String>> SCHEMA = schema();
    private static final Set<Tag> PLAIN_TAGS =
            Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP, Tag.MAP, Tag.SEQ, Tag.MERGE);
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?\\.?|\\[?[0-9A-Fa-f:.]+]?");

    private final Function<String, String> environment;
    private final Path home;
    private final ZoneId systemZone;

    /** Uses the process environment, {@code user.home} and the system time zone. */
    public ConfigLoader() {
        this(System::getenv, Path.of(System.getProperty("user.home")), ZoneId.systemDefault());
    }

    /**
     * @param environment looks up environment variables ({@code STATE_DIRECTORY}); returns null when unset
     * @param home        what {@code ~} stands for in paths
     * @param systemZone  the default for {@code profile.time_zone}
     */
    public ConfigLoader(Function<String, String> environment, Path home, ZoneId systemZone) {
        this.environment = environment;
        this.home = home;
        this.systemZone = systemZone;
    }

    /** Every key the loader accepts, dotted ({@code mailbox.port}), in the order of the example file. */
    public static Set<String> knownKeys() {
        Set<String> keys = new LinkedHashSet<>();
        SCHEMA.forEach((section, names) -> names.forEach(n -> keys.add(section + "." + n)));
        return Collections.unmodifiableSet(keys);
    }

    /**
     * @throws ConfigException listing every problem, one per line, when the file cannot be used
     */
    public RebondConfig load(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String shown = absolute.getFileName() == null ? absolute.toString() : absolute.getFileName().toString();
        ConfigProblems problems = new ConfigProblems(shown);
        Node root = compose(absolute, problems);
        problems.throwIfAny(absolute.toString());
        RebondConfig config = new Reading(absolute, problems).config(root);
        problems.throwIfAny(absolute.toString());
        return config;
    }

    private Node compose(Path file, ConfigProblems problems) {
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                problems.add(0, "", "is " + size + " bytes; a configuration file is at most " + MAX_FILE_BYTES
                        + " bytes (1 MiB). Is this the right file?");
                return null;
            }
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            problems.add(0, "", "no such file; copy config/rebond.example.yaml there and edit it, or give --config another path");
            return null;
        } catch (AccessDeniedException e) {
            problems.add(0, "", "cannot be read (permission denied); the user running rebond must be able to read it");
            return null;
        } catch (CharacterCodingException e) {
            problems.add(0, "", "is not valid UTF-8; save it as UTF-8");
            return null;
        } catch (IOException e) {
            problems.add(0, "", "cannot be read (" + e.getClass().getSimpleName() + ")");
            return null;
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);

        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_FILE_BYTES);
        options.setMaxAliasesForCollections(10);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(10);
        options.setAllowDuplicateKeys(false);
        options.setProcessComments(false);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            // Only the problem and its position: SnakeYAML's full message quotes the offending line,
            // which could be a secret pasted in the wrong place.
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = e.getProblem() != null ? e.getProblem() : e.getContext();
            problems.add(mark == null ? 0 : mark.getLine() + 1, "",
                    "is not valid YAML: " + what + (mark == null ? "" : " (column " + (mark.getColumn() + 1) + ")"));
            return null;
        } catch (YAMLException e) {
            problems.add(0, "", "is not valid YAML or is too complex (aliases, nesting or size)");
            return null;
        }
        if (root == null) {
            problems.add(0, "", "is empty; start from config/rebond.example.yaml");
            return null;
        }
        checkTags(root, problems);
        return root;
    }

    /** Composing never constructs objects, but a tag still means the file was written for something else. */
    private static void checkTags(Node node, ConfigProblems problems) {
        if (!PLAIN_TAGS.contains(node.getTag())) {
            problems.add(YamlSection.lineOf(node), "", "YAML tags such as " + node.getTag().getValue()
                    + " are not supported; write plain values");
            return;
        }
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                checkTags(t.getKeyNode(), problems);
                checkTags(t.getValueNode(), problems);
            }
        } else if (node instanceof SequenceNode s) {
            for (Node item : s.getValue()) checkTags(item, problems);
        }
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
        s.put("profile", List.of("name", "addresses", "language", "time_zone", "objective", "pitch", "questions", "signature"));
        s.put("mailbox", List.of("host", "port", "security", "allow_plaintext_on_loopback", "username",
                "password_file", "password_credential", "password_command", "oauth2_token_command", "ca_file",
                "inbox", "drafts", "sent", "archive", "create_drafts", "idle", "poll_interval",
                "connect_timeout", "read_timeout", "write_timeout"));
        s.put("storage", List.of("database"));
        s.put("schedule", List.of("brief_before", "prep_duration", "debrief_after_end", "thank_you_after_end",
                "keep_posted_after_end"));
        s.put("detection", List.of("marker", "include_words", "exclude_words", "categories"));
        s.put("limits", List.of("max_message_bytes", "max_calendar_part_bytes", "max_timezones", "max_components",
                "max_instances"));
        s.put("templates", List.of("directory"));
        s.put("calendars", List.of("type", "url", "path", "username", "password_file", "password_credential", "password_command",
                "allow_plaintext_on_loopback", "interval", "timeout", "prep_calendar"));
        return Collections.unmodifiableMap(s);
    }

    /** One pass over one file: holds the file's directory and its problem list. */
    private final class Reading {
        private final Path file;
        private final ConfigProblems problems;

        Reading(Path file, ConfigProblems problems) {
            this.file = file;
            this.problems = problems;
        }

        RebondConfig config(Node root) {
            Map<String, String> leaves = new LinkedHashMap<>();
            SCHEMA.forEach((section, keys) -> keys.forEach(k -> leaves.putIfAbsent(k, section + "." + k)));
            YamlSection top = new YamlSection("", root, 1, SCHEMA.keySet(), leaves, problems);
            if (!(root instanceof MappingNode)) return null;
            Map<String, YamlSection> sections = new LinkedHashMap<>();
            for (var entry : SCHEMA.entrySet()) {
                String name = entry.getKey();
                if (name.equals("calendars")) continue; // a list of mappings, read by calendars()
                Map<String, String> elsewhere = new LinkedHashMap<>(leaves);
                entry.getValue().forEach(elsewhere::remove);
                Node node = top.has(name) ? valueNode(root, name) : null;
                int line = top.keyLineOf(name);
                sections.put(name, new YamlSection(name, node, line, new LinkedHashSet<>(entry.getValue()), elsewhere, problems));
            }
            return new RebondConfig(
                    profile(sections.get("profile")),
                    mailbox(sections.get("mailbox")),
                    storage(sections.get("storage")),
                    schedule(sections.get("schedule")),
                    detection(sections.get("detection")),
                    limits(sections.get("limits")),
                    templates(sections.get("templates")),
                    calendars(top.has("calendars") ? valueNode(root, "calendars") : null, top.keyLineOf("calendars"), leaves),
                    file);
        }

        private Node valueNode(Node root, String key) {
            for (NodeTuple t : ((MappingNode) root).getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) return t.getValueNode();
            }
            return null;
        }

        private RebondConfig.Profile profile(YamlSection s) {
            String name = required(s, "name", s.line("name"));
            List<String> addresses = s.lines("addresses", "[camille.martin@example.org]");
            if (addresses == null || addresses.isEmpty()) {
                if (!s.has("addresses") || addresses != null) {
                    s.problem("addresses", "is required: the list of your own e-mail addresses, e.g. [camille.martin@example.org]");
                }
                addresses = List.of();
            } else {
                for (String a : addresses) {
                    if (!ADDRESS.matcher(a).matches()) {
                        s.problem("addresses", "is not an e-mail address" + s.got("addresses", a)
                                + (a.contains("<") ? "; write only the address, e.g. camille@example.org" : ""));
                    }
                }
            }
            Locale language = or(s.choice("language", List.of("en", "fr"), Locale::forLanguageTag), Locale.ENGLISH);
            ZoneId zone = or(zone(s), systemZone);
            return new RebondConfig.Profile(name, List.copyOf(addresses), language, zone,
                    or(s.paragraph("objective"), ""), or(s.paragraph("pitch"), ""),
                    List.copyOf(or(s.lines("questions", "[\"What does a typical week look like?\"]"), List.of())),
                    or(s.paragraph("signature"), ""));
        }

        private ZoneId zone(YamlSection s) {
            String z = s.line("time_zone");
            if (z == null) return null;
            try {
                return ZoneId.of(z);
            } catch (DateTimeException e) {
                String hint = NearestName.among(z, ZoneId.getAvailableZoneIds())
                        .map(n -> "; did you mean " + n + "?")
                        .orElse("; use a name from the tz database, e.g. Europe/Paris");
                s.problem("time_zone", "unknown time zone" + s.got("time_zone", z) + hint);
                return null;
            }
        }

        private RebondConfig.Mailbox mailbox(YamlSection s) {
            String host = required(s, "host", s.line("host"));
            if (host != null) host = checkHost(s, host);
            RebondConfig.Security security = or(s.choice("security", List.of("tls", "starttls", "none"),
                    v -> RebondConfig.Security.valueOf(v.toUpperCase(Locale.ROOT))), RebondConfig.Security.TLS);
            Integer port = s.integer("port", 1, 65535);
            if (port == null) port = security == RebondConfig.Security.TLS ? 993 : 143;
            boolean allowPlaintext = or(s.bool("allow_plaintext_on_loopback"), false);
            boolean loopback = host != null && Loopback.isLoopback(host);
            if (security == RebondConfig.Security.NONE && host != null) {
                if (!loopback) {
                    s.problem("security", "none (no TLS) is refused for " + host + ": the password and your mail would"
                            + " cross the network in clear text. Use tls (port 993) or starttls (port 143);"
                            + " plain text is only possible on loopback (localhost, 127.0.0.1, ::1)");
                } else if (!allowPlaintext) {
                    s.problem("security", "none (no TLS) on loopback also needs mailbox.allow_plaintext_on_loopback: true,"
                            + " to say it is on purpose");
                }
            }
            String username = required(s, "username", s.line("username"));
            RebondConfig.Secret password = secret(s, loopback && security == RebondConfig.Security.NONE);
            Path caFile = existing(s, "ca_file", false);
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
                s.problem("host", "must be a host name only, without a scheme" + s.got("host", host)
                        + "; e.g. imap.example.org, with the port in mailbox.port");
                return null;
            }
            if (host.matches("[^:\\[\\]]+:\\d+")) {
                s.problem("host", "must be a host name only" + s.got("host", host) + "; put the port in mailbox.port");
                return null;
            }
            if (!HOST.matcher(host).matches()) {
                s.problem("host", "is not a host name or IP address" + s.got("host", host));
                return null;
            }
            return host;
        }

        private RebondConfig.Secret secret(YamlSection s, boolean optional) {
            List<String> set = new ArrayList<>();
            for (String k : List.of("password_file", "password_credential", "password_command", "oauth2_token_command")) {
                if (s.has(k)) set.add(k);
            }
            if (set.size() > 1) {
                s.problem(set.get(1), "only one password source may be set, found " + String.join(" and ", set));
                return null;
            }
            if (set.isEmpty()) {
                if (!optional) {
                    problems.add(s.line(), "mailbox", "no password source: set password_file (recommended),"
                            + " password_credential (a systemd credential), password_command or oauth2_token_command."
                            + " The password itself is never written in this file");
                }
                return null;
            }
            switch (set.get(0)) {
                case "password_file": {
                    Path p = path(s, "password_file");
                    return p == null ? null : new RebondConfig.Secret(p, null, null);
                }
                case "password_credential": {
                    String name = s.line("password_credential");
                    if (name == null) return null;
                    if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..") || name.length() > 255) {
                        s.problem("password_credential", "must be a credential name as given to LoadCredential=, e.g. imap-password");
                        return null;
                    }
                    return new RebondConfig.Secret(null, name, null);
                }
                case "oauth2_token_command": {
                    if (!s.isList("oauth2_token_command")) {
                        s.problem("oauth2_token_command", "is run without a shell, so give it as a list (argv form),"
                                + " e.g. [oama, access, camille@gmail.com]");
                        return null;
                    }
                    List<String> argv = s.lines("oauth2_token_command", "[oama, access, camille@gmail.com]");
                    if (argv == null || argv.isEmpty()) {
                        s.problem("oauth2_token_command", "must name a command that prints an access token,"
                                + " e.g. [oama, access, camille@gmail.com]");
                        return null;
                    }
                    return new RebondConfig.Secret(null, null, List.copyOf(argv));
                }
                default: {
                    if (!s.isList("password_command")) {
                        s.problem("password_command", "is run without a shell, so give it as a list (argv form),"
                                + " e.g. [pass, show, mail/imap] or [secret-tool, lookup, service, imap]");
                        return null;
                    }
                    List<String> argv = s.lines("password_command", "[pass, show, mail/imap]");
                    if (argv == null || argv.isEmpty()) {
                        s.problem("password_command", "must name a command, e.g. [pass, show, mail/imap]");
                        return null;
                    }
                    return new RebondConfig.Secret(null, null, List.copyOf(argv));
                }
            }
        }

        private String folder(YamlSection s, String key, boolean emptyMeansDetect) {
            String raw = s.text(key);
            if (raw == null) return null;
            if (raw.isEmpty()) {
                if (!emptyMeansDetect) s.problem(key, "must not be empty (the default is INBOX)");
                return null;
            }
            if (raw.isBlank()) {
                s.problem(key, "must not be blank" + (emptyMeansDetect ? "; leave it empty (\"\") to detect the folder" : ""));
                return null;
            }
            String v = s.oneLine(key, raw);
            if (v == null) return null;
            if (v.contains("*") || v.contains("%")) {
                s.problem(key, "must be a folder name, without the IMAP wildcards * and %" + s.got(key, v));
                return null;
            }
            if (v.length() > 500) {
                s.problem(key, "is too long for a folder name");
                return null;
            }
            return v;
        }

        private RebondConfig.Storage storage(YamlSection s) {
            Path db = path(s, "database");
            if (db != null && Files.isDirectory(db)) {
                s.problem("database", "is a directory; give the database file, e.g. " + db.resolve("rebond.db"));
            }
            if (db == null) db = defaultDatabase();
            return new RebondConfig.Storage(db);
        }

        private Path defaultDatabase() {
            String state = environment.apply("STATE_DIRECTORY");
            if (state != null && !state.isBlank()) {
                // systemd joins several StateDirectory= entries with colons; ours is the first.
                return Path.of(state.split(":")[0]).resolve("rebond.db");
            }
            return home.resolve(".local/state/rebond/rebond.db");
        }

        private RebondConfig.Schedule schedule(YamlSection s) {
            List<Duration> keepPosted = s.durations("keep_posted_after_end", "[21d, 90d]");
            if (keepPosted != null) {
                for (int i = 1; i < keepPosted.size(); i++) {
                    if (keepPosted.get(i).compareTo(keepPosted.get(i - 1)) <= 0) {
                        s.problem("keep_posted_after_end", "must be in increasing order, e.g. [21d, 90d]");
                        break;
                    }
                }
            }
            return new RebondConfig.Schedule(
                    or(s.duration("brief_before", false), Duration.ofHours(24)),
                    or(s.duration("prep_duration", false), Duration.ofMinutes(30)),
                    or(s.duration("debrief_after_end", true), Duration.ZERO),
                    or(s.duration("thank_you_after_end", true), Duration.ofHours(2)),
                    List.copyOf(or(keepPosted, List.of(Duration.ofDays(21), Duration.ofDays(90)))));
        }

        private RebondConfig.Detection detection(YamlSection s) {
            return new RebondConfig.Detection(
                    List.copyOf(or(s.lines("marker", "[\"[info]\"]"), List.of("[info]"))),
                    List.copyOf(or(s.lines("include_words", "[café, mentorat]"), List.of())),
                    List.copyOf(or(s.lines("exclude_words", "[entretien d'embauche]"), List.of())),
                    List.copyOf(or(s.lines("categories", "[Networking]"), List.of())));
        }

        private RebondConfig.Limits limits(YamlSection s) {
            return new RebondConfig.Limits(
                    or(s.size("max_message_bytes"), 25L << 20),
                    or(s.size("max_calendar_part_bytes"), 1L << 20),
                    or(s.integer("max_timezones", 1, Integer.MAX_VALUE), 20),
                    or(s.integer("max_components", 1, Integer.MAX_VALUE), 50),
                    or(s.integer("max_instances", 1, Integer.MAX_VALUE), 1000));
        }

        /** {@code calendars:} a list of sources, each a mapping; every problem reported as calendars[N].key. */
        private List<RebondConfig.Calendar> calendars(Node node, int line, Map<String, String> leaves) {
            if (node == null) return List.of();
            if (!(node instanceof SequenceNode list)) {
                problems.add(line, "calendars", "must be a list of calendars, e.g. - {type: ics-file, path: ~/calendar.ics}");
                return List.of();
            }
            Set<String> keys = new LinkedHashSet<>(SCHEMA.get("calendars"));
            Map<String, String> elsewhere = new LinkedHashMap<>(leaves);
            keys.forEach(elsewhere::remove);
            List<RebondConfig.Calendar> out = new ArrayList<>();
            int index = 0;
            for (Node item : list.getValue()) {
                index++;
                YamlSection s = new YamlSection("calendars[" + index + "]", item, YamlSection.lineOf(item), keys, elsewhere, problems);
                RebondConfig.Calendar c = calendar(s);
                if (c != null && c.prepCalendar() != null && out.stream().anyMatch(o -> o.prepCalendar() != null)) {
                    s.problem("prep_calendar", "only one calendar may hold the prep events; remove it from all calendars but one");
                }
                if (c != null) out.add(c);
            }
            return List.copyOf(out);
        }

        private RebondConfig.Calendar calendar(YamlSection s) {
            RebondConfig.CalendarType type = s.choice("type", List.of("caldav", "ics-url", "ics-file"),
                    v -> RebondConfig.CalendarType.valueOf(v.toUpperCase(Locale.ROOT).replace('-', '_')));
            if (type == null) {
                if (!s.has("type")) s.problem("type", "is required: caldav, ics-url or ics-file");
                return null;
            }
            boolean allowPlaintext = or(s.bool("allow_plaintext_on_loopback"), false);
            java.net.URI url = null;
            Path path = null;
            if (type == RebondConfig.CalendarType.ICS_FILE) {
                for (String k : List.of("url", "username", "password_file", "password_credential", "password_command", "prep_calendar")) {
                    if (s.has(k)) s.problem(k, "does not apply to an ics-file calendar (it reads a local path)");
                }
                path = path(s, "path");
                if (path == null && !s.has("path")) s.problem("path", "is required for an ics-file calendar: a .ics file or a folder of .ics files");
                else if (path != null && !Files.exists(path)) s.problem("path", "no such file or folder: " + path);
            } else {
                if (s.has("path")) s.problem("path", "does not apply to a " + s.line("type") + " calendar; give its url");
                url = url(s, "url", allowPlaintext);
                if (url == null && !s.has("url")) s.problem("url", "is required for a " + s.line("type") + " calendar");
            }
            java.net.URI prep = null;
            if (s.has("prep_calendar") && type != RebondConfig.CalendarType.ICS_FILE) {
                if (type != RebondConfig.CalendarType.CALDAV) s.problem("prep_calendar", "only a caldav calendar can hold prep events");
                else if (!s.line("prep_calendar").isEmpty()) prep = url(s, "prep_calendar", allowPlaintext);
            }
            String username = or(s.line("username"), "");
            RebondConfig.Secret password = type == RebondConfig.CalendarType.ICS_FILE ? null : secret(s, true);
            if (password != null && username.isEmpty()) s.problem("username", "is required when a password source is set");
            return new RebondConfig.Calendar(type, url, path, username, password, allowPlaintext,
                    or(s.duration("interval", false), Duration.ofMinutes(type == RebondConfig.CalendarType.ICS_FILE ? 1 : 5)),
                    or(s.duration("timeout", false), Duration.ofSeconds(30)), prep);
        }

        /** An http(s) URL; plain http only to loopback with allow_plaintext_on_loopback (DESIGN I8). */
        private java.net.URI url(YamlSection s, String key, boolean allowPlaintext) {
            String v = s.line(key);
            if (v == null) return null;
            java.net.URI u;
            try {
                u = new java.net.URI(v);
            } catch (java.net.URISyntaxException e) {
                s.problem(key, "is not a valid URL (not shown: it may hold a secret address)");
                return null;
            }
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!List.of("https", "http", "webcal").contains(scheme) || u.getHost() == null) {
                s.problem(key, "must be an https:// URL (not shown: it may hold a secret address)");
                return null;
            }
            if (u.getUserInfo() != null) {
                s.problem(key, "must not carry a user name or password; use username and password_file");
                return null;
            }
            if (scheme.equals("http")) {
                if (!Loopback.isLoopback(u.getHost())) {
                    s.problem(key, "plain http:// is refused for " + u.getHost() + ": the password and your calendar would cross"
                            + " the network in clear text. Use https://; plain http is only possible on loopback");
                    return null;
                }
                if (!allowPlaintext) {
                    s.problem(key, "plain http:// on loopback also needs allow_plaintext_on_loopback: true, to say it is on purpose");
                    return null;
                }
            }
            return u;
        }

        private RebondConfig.Templates templates(YamlSection s) {
            return new RebondConfig.Templates(existing(s, "directory", true));
        }

        /** A path that must exist now: a directory or a readable regular file. */
        private Path existing(YamlSection s, String key, boolean directory) {
            Path p = path(s, key);
            if (p == null) return null;
            if (directory ? !Files.isDirectory(p) : !Files.isRegularFile(p)) {
                s.problem(key, (directory ? "no such directory: " : "no such file: ") + p);
                return null;
            }
            if (!Files.isReadable(p)) {
                s.problem(key, "cannot be read by the user running rebond: " + p);
                return null;
            }
            return p;
        }

        /** {@code ~} is the home directory; a relative path is relative to the configuration file's directory. */
        private Path path(YamlSection s, String key) {
            String v = s.line(key);
            if (v == null) return null;
            if (v.isEmpty()) {
                s.problem(key, "must not be empty; remove the key to use the default");
                return null;
            }
            if (v.startsWith("$")) {
                s.problem(key, "environment variables are not expanded in paths; write the full path" + s.got(key, v));
                return null;
            }
            try {
                Path p;
                if (v.equals("~")) {
                    p = home;
                } else if (v.startsWith("~/")) {
                    p = home.resolve(v.substring(2));
                } else if (v.startsWith("~")) {
                    s.problem(key, "only ~ (your own home directory) is expanded, not ~user; write the full path");
                    return null;
                } else {
                    p = file.getParent().resolve(v);
                }
                return p.toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                s.problem(key, "is not a valid path" + s.got(key, v));
                return null;
            }
        }

        private <T> T required(YamlSection s, String key, T value) {
            if (value == null || (value instanceof String text && text.isEmpty())) {
                if (!s.has(key) || value != null) s.problem(key, "is required");
                return null;
            }
            return value;
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
