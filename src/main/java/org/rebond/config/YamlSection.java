package org.rebond.config;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rebond.i18n.Sentence;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One mapping of the configuration ({@code mailbox:}, {@code profile:} …) with typed readers.
 * Each reader reports what is wrong, with the value's line, and returns null for "absent or
 * unusable", so that loading goes on and every problem is found in one pass.
 */
final class YamlSection {
    private final String name;
    private final int line;
    private final Map<String, Node> values = new LinkedHashMap<>();
    private final Map<String, Integer> keyLines = new LinkedHashMap<>();
    private final ConfigProblems problems;

    /**
     * @param known     the keys this section accepts; the others are reported with a "did you mean" hint,
     *                  searched first among {@code known}, then among {@code elsewhere}
     * @param elsewhere the keys of the other sections, each name mapped to its dotted key
     */
    YamlSection(String name, Node node, int line, Set<String> known, Map<String, String> elsewhere, ConfigProblems problems) {
        this.name = name;
        this.line = line;
        this.problems = problems;
        if (node == null || isNull(node)) return;
        if (!(node instanceof MappingNode mapping)) {
            problems.add(lineOf(node), name, "section.not.mapping", String.join(", ", known), kindOf(node));
            return;
        }
        for (NodeTuple t : mapping.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode keyNode)) {
                problems.add(lineOf(t.getKeyNode()), name, "key.not.plain");
                continue;
            }
            String key = keyNode.getValue();
            String dotted = dotted(key);
            int keyLine = lineOf(keyNode);
            if (keyLines.containsKey(key)) {
                problems.add(keyLine, dotted, "key.twice", keyLines.get(key));
                continue;
            }
            keyLines.put(key, keyLine);
            if (!known.contains(key)) {
                problems.add(keyLine, dotted, unknownKeyMessage(key, known, elsewhere));
                continue;
            }
            values.put(key, t.getValueNode());
        }
    }

    int line() {
        return line;
    }

    boolean has(String key) {
        Node n = values.get(key);
        return n != null && !isNull(n);
    }

    boolean isList(String key) {
        return values.get(key) instanceof SequenceNode;
    }

    /** Line of the key itself, or of the section when the key is absent. */
    int keyLineOf(String key) {
        return keyLines.getOrDefault(key, line);
    }

    /** Line of the value of {@code key}, or of the section when the key is absent. */
    int lineOf(String key) {
        Node n = values.get(key);
        return n == null ? line : lineOf(n);
    }

    String dotted(String key) {
        return name.isEmpty() ? key : name + "." + key;
    }

    /** A problem with {@code key}: the sentence {@code code} of {@link ConfigProblems#AREA} with {@code arguments}. */
    void problem(String key, String code, Object... arguments) {
        problems.add(lineOf(key), dotted(key), code, arguments);
    }

    /** The text of a scalar, or null when absent, empty ({@code key:}) or not a scalar. */
    String text(String key) {
        Node n = values.get(key);
        if (n == null || isNull(n)) return null;
        if (!(n instanceof ScalarNode s)) {
            problem(key, "value.single", kindOf(n));
            return null;
        }
        return s.getValue();
    }

    /** A one-line text without control characters (it may end up in a mail header), stripped. */
    String line(String key) {
        return oneLine(key, text(key));
    }

    /** {@code value} of {@code key} stripped, or null (reported) when it has control characters. */
    String oneLine(String key, String v) {
        if (v == null) return null;
        if (hasControl(v, false)) {
            problem(key, "value.one.line");
            return null;
        }
        return v.strip();
    }

    /** A text that may span several lines (a YAML block scalar); other control characters are refused. */
    String paragraph(String key) {
        String v = text(key);
        if (v == null) return null;
        if (hasControl(v, true)) {
            problem(key, "value.control");
            return null;
        }
        return v.strip();
    }

    Boolean bool(String key) {
        String v = text(key);
        if (v == null) return null;
        switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true": return Boolean.TRUE;
            case "false": return Boolean.FALSE;
            default:
                problem(key, "value.boolean", got(key, v));
                return null;
        }
    }

    Integer integer(String key, int min, int max) {
        String v = text(key);
        if (v == null) return null;
        long n;
        try {
            n = Long.parseLong(v.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            problem(key, "value.whole", got(key, v));
            return null;
        }
        if (n < min || n > max) {
            if (max == Integer.MAX_VALUE) {
                problem(key, "value.at.least", min, got(key, v));
            } else {
                problem(key, "value.between", min, max, got(key, v));
            }
            return null;
        }
        return (int) n;
    }

    /** A duration, at least zero ({@code allowZero}) or strictly positive. */
    Duration duration(String key, boolean allowZero) {
        String v = text(key);
        return v == null ? null : checkDuration(key, v, allowZero);
    }

    private Duration checkDuration(String key, String v, boolean allowZero) {
        Duration d;
        try {
            d = DurationSyntax.parse(v);
        } catch (IllegalArgumentException e) {
            problem(key, "value.syntax", syntax(e), got(key, v));
            return null;
        }
        if (d.isNegative() || (!allowZero && d.isZero())) {
            problem(key, allowZero ? "value.not.negative" : "value.positive", got(key, v));
            return null;
        }
        return d;
    }

    /** A wall-clock time of day written {@code HH:MM} (24-hour), e.g. {@code "21:00"}. */
    LocalTime timeOfDay(String key) {
        String v = text(key);
        if (v == null) return null;
        Matcher m = TIME_OF_DAY.matcher(v.strip());
        if (!m.matches() || Integer.parseInt(m.group(1)) > 23 || Integer.parseInt(m.group(2)) > 59) {
            problem(key, "value.time.of.day", got(key, v));
            return null;
        }
        return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    private static final Pattern TIME_OF_DAY = Pattern.compile("(\\d{1,2}):(\\d{2})");

    /** A strictly positive size in bytes. */
    Long size(String key) {
        String v = text(key);
        if (v == null) return null;
        long n;
        try {
            n = ByteSizeSyntax.parse(v);
        } catch (IllegalArgumentException e) {
            problem(key, "value.syntax", syntax(e), got(key, v));
            return null;
        }
        if (n <= 0) {
            problem(key, "value.positive", got(key, v));
            return null;
        }
        return n;
    }

    /** A list of one-line texts, or null when absent; a single value is refused with an example. */
    List<String> lines(String key, String example) {
        List<ScalarNode> items = items(key, example);
        if (items == null) return null;
        List<String> out = new ArrayList<>();
        for (ScalarNode item : items) {
            String v = item.getValue();
            if (v.isBlank()) {
                problems.add(lineOf(item), dotted(key), "list.empty.item");
            } else if (hasControl(v, false)) {
                problems.add(lineOf(item), dotted(key), "list.item.one.line");
            } else {
                out.add(v.strip());
            }
        }
        return out;
    }

    /** A list of durations, each strictly positive, or null when absent. */
    List<Duration> durations(String key, String example) {
        List<ScalarNode> items = items(key, example);
        if (items == null) return null;
        List<Duration> out = new ArrayList<>();
        for (ScalarNode item : items) {
            Duration d;
            try {
                d = DurationSyntax.parse(item.getValue());
            } catch (IllegalArgumentException e) {
                problems.add(lineOf(item), dotted(key), "value.syntax", syntax(e), got(key, item.getValue()));
                continue;
            }
            if (d.isNegative() || d.isZero()) {
                problems.add(lineOf(item), dotted(key), "value.positive", got(key, item.getValue()));
                continue;
            }
            out.add(d);
        }
        return out;
    }

    /** The items of a list of scalars, or null when absent or not a list (reported). */
    List<ScalarNode> items(String key, String example) {
        Node n = values.get(key);
        if (n == null || isNull(n)) return null;
        if (!(n instanceof SequenceNode seq)) {
            problem(key, "list.expected", example);
            return null;
        }
        List<ScalarNode> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (item instanceof ScalarNode s && !isNull(s)) {
                out.add(s);
            } else {
                problems.add(lineOf(item), dotted(key), "list.item.single", kindOf(item));
            }
        }
        return out;
    }

    /** A choice among {@code choices} (case-insensitive), mapped by {@code parse}. */
    <T> T choice(String key, List<String> choices, Function<String, T> parse) {
        String v = text(key);
        if (v == null) return null;
        String lower = v.strip().toLowerCase(Locale.ROOT);
        if (!choices.contains(lower)) {
            problem(key, "value.choice", String.join(", ", choices), got(key, v));
            return null;
        }
        return parse.apply(lower);
    }

    /** {@code value}, or null (reported as "is required") when it is null or empty text. */
    <T> T required(String key, T value) {
        if (value == null || (value instanceof String text && text.isEmpty())) {
            if (!has(key) || value != null) problem(key, "value.required");
            return null;
        }
        return value;
    }

    /** {@code value}, or {@code fallback} when the reader returned null (absent or unusable). */
    static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /** {@code  (got "…")}, or nothing for keys that might hold a secret. */
    /** " (got "99999")", or nothing for a key that may hold a secret. */
    Object got(String key, String value) {
        return ConfigKeys.mayHoldSecret(key) ? "" : ConfigProblems.say("got", quote(value));
    }

    /** What a value's syntax has wrong, from {@link DurationSyntax} or {@link ByteSizeSyntax}. */
    private static Object syntax(IllegalArgumentException e) {
        return e instanceof Sentence.Said said ? said.sentence() : e.getMessage();
    }

    static String quote(String value) {
        StringBuilder s = new StringBuilder("\"");
        int shown = 0;
        for (int i = 0; i < value.length(); i++) {
            if (shown == 60) {
                s.append('…');
                break;
            }
            char c = value.charAt(i);
            if (c == '"' || c == '\\') s.append('\\').append(c);
            else if (c == '\n') s.append("\\n");
            else if (c == '\t') s.append("\\t");
            else if (Character.isISOControl(c)) s.append(String.format("\\u%04x", (int) c));
            else s.append(c);
            shown++;
        }
        return s.append('"').toString();
    }

    private Sentence unknownKeyMessage(String key, Set<String> known, Map<String, String> elsewhere) {
        if (ConfigKeys.looksLikeInlineSecret(key)) return ConfigProblems.say("secret.inline");
        Optional<String> here = NearestName.among(key, known);
        if (here.isPresent()) return ConfigProblems.say("key.unknown.near", dotted(here.get()));
        Optional<String> there = NearestName.among(key, elsewhere.keySet()).map(elsewhere::get);
        if (there.isPresent()) {
            String k = there.get();
            return ConfigProblems.say("key.unknown.elsewhere", k, k.substring(0, k.indexOf('.')));
        }
        return name.isEmpty() ? ConfigProblems.say("key.unknown.top", String.join(", ", known))
                : ConfigProblems.say("key.unknown.section", name, String.join(", ", known));
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    static int lineOf(Node n) {
        return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }

    private static Object kindOf(Node n) {
        if (n instanceof MappingNode) return ConfigProblems.say("not.mapping");
        if (n instanceof SequenceNode) return ConfigProblems.say("not.list");
        return "";
    }

    private static boolean hasControl(String v, boolean multiline) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (multiline && (c == '\n' || c == '\t')) continue;
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') return true;
        }
        return false;
    }
}
