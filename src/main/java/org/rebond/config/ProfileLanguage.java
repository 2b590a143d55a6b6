package org.rebond.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads {@code profile.language} alone from a configuration file, without checking the rest: enough
 * to speak the user's language in a help or a usage error before (or instead of) loading the whole
 * configuration. Any problem (no file, bad YAML, no such key, another language) gives nothing.
 */
public final class ProfileLanguage {

    private ProfileLanguage() {}

    /** {@link Locale#FRENCH} or {@link Locale#ENGLISH} when {@code file} says so in {@code profile.language}. */
    public static Optional<Locale> of(Path file) {
        try {
            Path absolute = file.toAbsolutePath().normalize();
            Node root = YamlDocument.compose(absolute, new ConfigProblems(absolute.toString()));
            Node language = value(value(root, "profile"), "language");
            if (language instanceof ScalarNode scalar) {
                String tag = scalar.getValue().strip().toLowerCase(Locale.ROOT);
                if (tag.equals("fr") || tag.equals("en")) {
                    return Optional.of(tag.equals("fr") ? Locale.FRENCH : Locale.ENGLISH);
                }
            }
        } catch (RuntimeException unreadable) {
            // the command itself reports what is wrong with the file, in this language or the environment's
        }
        return Optional.empty();
    }

    private static Node value(Node mapping, String key) {
        if (mapping instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return t.getValueNode();
                }
            }
        }
        return null;
    }
}
