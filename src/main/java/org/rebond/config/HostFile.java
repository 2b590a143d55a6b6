package org.rebond.config;

import java.nio.file.Path;
import java.util.ArrayList;
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
 * Reads a configuration that names several accounts ({@link HostConfig}): its {@code storage:},
 * its {@code accounts:}, then each account's file, reporting every problem of all of them at once.
 */
final class HostFile {

    private static final Set<String> TOP = new LinkedHashSet<>(List.of("storage", "accounts"));

    private final ConfigLoader accounts;
    private final Function<String, String> environment;
    private final Path home;

    HostFile(ConfigLoader accounts, Function<String, String> environment, Path home) {
        this.accounts = accounts;
        this.environment = environment;
        this.home = home;
    }

    /** Whether {@code file} is one that names several accounts: its top level has {@code accounts:}. */
    static boolean namesAccounts(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Node root = YamlDocument.compose(absolute, new ConfigProblems(String.valueOf(absolute.getFileName())));
        return topKeys(root).contains("accounts");
    }

    HostConfig load(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        ConfigProblems problems = new ConfigProblems(String.valueOf(absolute.getFileName()));
        Node root = YamlDocument.compose(absolute, problems);
        problems.throwIfAny(absolute.toString());
        YamlSection top = new YamlSection("", root, 1, TOP, Map.of(), problems);
        ConfigPaths paths = new ConfigPaths(absolute, home, environment);
        PasswordSources passwords = new PasswordSources(paths, problems);
        List<String> storageKeys = ConfigKeys.bySection().get("storage");
        YamlSection storageSection = new YamlSection("storage", top.has("storage") ? valueNode(root, "storage") : null,
                top.keyLineOf("storage"), new LinkedHashSet<>(storageKeys), Map.of(), problems);
        RebondConfig.Storage storage = new StorageSection(paths, passwords).read(storageSection);
        List<AccountsSection.Entry> entries = new AccountsSection(paths, problems)
                .read(top.has("accounts") ? valueNode(root, "accounts") : null, top.keyLineOf("accounts"));
        for (AccountsSection.Entry entry : entries) {
            Set<String> keys = topKeys(YamlDocument.compose(entry.config(), new ConfigProblems(entry.config().toString())));
            if (keys.contains("storage")) {
                entry.section().problem("config", "accounts.config.storage", entry.config().getFileName());
            }
            if (keys.contains("accounts")) {
                entry.section().problem("config", "accounts.config.accounts", entry.config().getFileName());
            }
        }
        problems.throwIfAny(absolute.toString());
        List<HostConfig.Account> loaded = new ArrayList<>();
        List<ConfigProblem> inAccounts = new ArrayList<>();
        Map<String, String> mailboxes = new LinkedHashMap<>();
        for (AccountsSection.Entry entry : entries) {
            try {
                RebondConfig config = accounts.load(entry.config()).withStorage(storage.forAccount(entry.name()));
                String mailbox = config.mailbox().account();
                String before = mailboxes.putIfAbsent(mailbox, entry.name());
                if (before != null) {
                    entry.section().problem("config", "accounts.same.mailbox", mailbox, before);
                }
                loaded.add(new HostConfig.Account(entry.name(), config));
            } catch (ConfigException e) {
                inAccounts.addAll(e.problems());
            }
        }
        problems.throwIfAny(absolute.toString());
        if (!inAccounts.isEmpty()) {
            throw new ConfigException(absolute.toString(), inAccounts);
        }
        return new HostConfig(storage, loaded, absolute);
    }

    private static Set<String> topKeys(Node root) {
        Set<String> keys = new LinkedHashSet<>();
        if (root instanceof MappingNode mapping) {
            for (NodeTuple t : mapping.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) keys.add(k.getValue());
            }
        }
        return keys;
    }

    private static Node valueNode(Node root, String key) {
        for (NodeTuple t : ((MappingNode) root).getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) return t.getValueNode();
        }
        return null;
    }
}
