package org.rebond.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads {@code rebond.yaml} into a {@link RebondConfig}, or reports every problem in it at once.
 *
 * <p>The file is composed into YAML nodes only ({@link YamlDocument}), split into its sections,
 * and each section is read by its own class ({@link ProfileSection}, {@link MailboxSection},
 * {@link CalendarsSection} …). Secrets are never in the file: it only says where the password
 * lives ({@link SecretReader} reads it).
 */
public final class ConfigLoader {
    /** The largest configuration file accepted. */
    public static final int MAX_FILE_BYTES = YamlDocument.MAX_BYTES;

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
        return ConfigKeys.dotted();
    }

    /**
     * Whether {@code file} names several accounts (an {@code accounts:} key at its top level), to be
     * read with {@link #loadHost}; false too when it cannot be read (then {@link #load} says why).
     */
    public static boolean namesAccounts(Path file) {
        return HostFile.namesAccounts(file);
    }

    /**
     * Reads a configuration that names several accounts, and each account's file.
     *
     * @throws ConfigException listing every problem of the file and of the accounts' files
     */
    public HostConfig loadHost(Path file) {
        return new HostFile(this, environment, home).load(file);
    }

    /**
     * @throws ConfigException listing every problem, one per line, when the file cannot be used
     */
    public RebondConfig load(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String shown = absolute.getFileName() == null ? absolute.toString() : absolute.getFileName().toString();
        ConfigProblems problems = new ConfigProblems(shown);
        Node root = YamlDocument.compose(absolute, problems);
        problems.throwIfAny(absolute.toString());
        RebondConfig config = config(root, absolute, problems);
        problems.throwIfAny(absolute.toString());
        return config;
    }

    /** Splits the root mapping into its sections and hands each to its reader. */
    private RebondConfig config(Node root, Path file, ConfigProblems problems) {
        Map<String, List<String>> schema = ConfigKeys.bySection();
        Map<String, String> leaves = new LinkedHashMap<>();
        schema.forEach((section, keys) -> keys.forEach(k -> leaves.putIfAbsent(k, section + "." + k)));
        YamlSection top = new YamlSection("", root, 1, schema.keySet(), leaves, problems);
        if (!(root instanceof MappingNode)) return null;
        Map<String, YamlSection> sections = new LinkedHashMap<>();
        for (var entry : schema.entrySet()) {
            String name = entry.getKey();
            if (name.equals("calendars")) continue; // a list of mappings, read by CalendarsSection
            Map<String, String> elsewhere = new LinkedHashMap<>(leaves);
            entry.getValue().forEach(elsewhere::remove);
            Node node = top.has(name) ? valueNode(root, name) : null;
            int line = top.keyLineOf(name);
            sections.put(name, new YamlSection(name, node, line, new LinkedHashSet<>(entry.getValue()), elsewhere, problems));
        }
        ConfigPaths paths = new ConfigPaths(file, home, environment);
        PasswordSources passwords = new PasswordSources(paths, problems);
        return new RebondConfig(
                new ProfileSection(systemZone).read(sections.get("profile")),
                new MailboxSection(paths, passwords).read(sections.get("mailbox")),
                new StorageSection(paths, passwords).read(sections.get("storage")),
                ScheduleSection.read(sections.get("schedule")),
                DetectionSection.read(sections.get("detection")),
                LimitsSection.read(sections.get("limits")),
                paths.templates(sections.get("templates")),
                DraftsSection.read(sections.get("drafts")),
                new CalendarsSection(paths, passwords, problems)
                        .read(top.has("calendars") ? valueNode(root, "calendars") : null, top.keyLineOf("calendars"), leaves),
                file);
    }

    private static Node valueNode(Node root, String key) {
        for (NodeTuple t : ((MappingNode) root).getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) return t.getValueNode();
        }
        return null;
    }
}
