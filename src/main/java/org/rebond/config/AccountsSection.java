package org.rebond.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code accounts:} of a configuration that names several accounts: a list of mappings,
 * each a {@code name} (lower-case letters, digits, {@code -} and {@code _}: it names the account's
 * database or schema) and the {@code config} file of the account.
 */
final class AccountsSection {

    static final Set<String> KEYS = new LinkedHashSet<>(List.of("name", "config"));
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    /** One entry as written, with its line for later problems. */
    record Entry(String name, Path config, YamlSection section) {}

    private final ConfigPaths paths;
    private final ConfigProblems problems;

    AccountsSection(ConfigPaths paths, ConfigProblems problems) {
        this.paths = paths;
        this.problems = problems;
    }

    List<Entry> read(Node node, int line) {
        if (node == null) {
            problems.add(line, "accounts", "accounts.list");
            return List.of();
        }
        if (!(node instanceof SequenceNode list) || list.getValue().isEmpty()) {
            problems.add(line, "accounts", "accounts.list");
            return List.of();
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<Entry> out = new ArrayList<>();
        int index = 0;
        for (Node item : list.getValue()) {
            index++;
            YamlSection s = new YamlSection("accounts[" + index + "]", item, YamlSection.lineOf(item), KEYS, Map.of(), problems);
            String name = s.line("name");
            if (name == null) {
                s.problem("name", "accounts.name.required");
            } else if (!NAME.matcher(name).matches()) {
                s.problem("name", "accounts.name.invalid", name);
                name = null;
            } else if (seen.containsKey(name)) {
                s.problem("name", "accounts.name.twice", name, seen.get(name));
                name = null;
            } else {
                seen.put(name, s.lineOf("name"));
            }
            Path config = paths.existing(s, "config", false);
            if (config == null && !s.has("config")) {
                s.problem("config", "accounts.config.required");
            }
            if (name != null && config != null) {
                out.add(new Entry(name, config, s));
            }
        }
        return out;
    }
}
