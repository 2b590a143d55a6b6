package org.rebond.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the configuration file into YAML nodes only (no object construction, no tags, few aliases,
 * a size cap), so that each value keeps its line and nothing in the file can instantiate a class.
 */
final class YamlDocument {
    /** The largest configuration file accepted. */
    static final int MAX_BYTES = 1 << 20;

    private static final Set<Tag> PLAIN_TAGS =
            Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP, Tag.MAP, Tag.SEQ, Tag.MERGE);

    private YamlDocument() {}

    /** The root node of {@code file}, or null when it cannot be used (then {@code problems} says why). */
    static Node compose(Path file, ConfigProblems problems) {
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                problems.add(0, "", "file.too.large", size, MAX_BYTES);
                return null;
            }
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            problems.add(0, "", "file.missing");
            return null;
        } catch (AccessDeniedException e) {
            problems.add(0, "", "file.denied");
            return null;
        } catch (CharacterCodingException e) {
            problems.add(0, "", "file.not.utf8");
            return null;
        } catch (IOException e) {
            problems.add(0, "", "file.unreadable", e.getClass().getSimpleName());
            return null;
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);

        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_BYTES);
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
            if (mark == null) {
                problems.add(0, "", "yaml.invalid", what);
            } else {
                problems.add(mark.getLine() + 1, "", "yaml.invalid.column", what, mark.getColumn() + 1);
            }
            return null;
        } catch (YAMLException e) {
            problems.add(0, "", "yaml.too.complex");
            return null;
        }
        if (root == null) {
            problems.add(0, "", "file.empty");
            return null;
        }
        checkTags(root, problems);
        return root;
    }

    /** Composing never constructs objects, but a tag still means the file was written for something else. */
    private static void checkTags(Node node, ConfigProblems problems) {
        if (!PLAIN_TAGS.contains(node.getTag())) {
            problems.add(YamlSection.lineOf(node), "", "yaml.tag", node.getTag().getValue());
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
}
