package org.rebond.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code config/rebond.example.yaml} is the documentation of every key: it must stay true. */
class ExampleConfigTest {
    private static final Path EXAMPLE = Path.of("config/rebond.example.yaml");
    private static final Pattern SECTION = Pattern.compile("^([a-z_]+):.*");
    private static final Pattern KEY = Pattern.compile("^ {2}(?:# )?([a-z0-9_]+):.*");
    private static final Pattern DEFAULT = Pattern.compile("^ {2}# default: (.*)$");

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(name -> null, Path.of("/home/camille"), ZoneId.of("UTC"));

    @Test
    void theExampleFileIsValid() {
        RebondConfig c = loader.load(EXAMPLE);

        assertThat(c.profile().name()).isEqualTo("Camille Martin");
        assertThat(c.profile().language()).isEqualTo(Locale.FRENCH);
        assertThat(c.profile().timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(c.profile().objective()).isEqualTo("devenir product manager dans la santé numérique");
        assertThat(c.mailbox().password().file()).isEqualTo(Path.of("/home/camille/.config/rebond/imap-password"));
    }

    @Test
    void theExampleOfSeveralAccountsLoadsWithTwoAccountFilesMadeFromTheExample() throws IOException {
        String account = Files.readString(EXAMPLE).replaceAll("(?ms)^storage:.*?(?=^schedule:)", "");
        Files.createDirectories(dir.resolve("accounts"));
        Files.writeString(dir.resolve("accounts/camille.yaml"), account);
        Files.writeString(dir.resolve("accounts/sam.yaml"), account.replace("username: camille", "username: sam"));
        Path host = Files.copy(Path.of("config/rebond.accounts.example.yaml"), dir.resolve("rebond.yaml"));

        HostConfig c = loader.loadHost(host);

        assertThat(c.names()).containsExactly("camille", "sam");
        assertThat(c.account("sam").orElseThrow().config().storage().database())
                .isEqualTo(Path.of("/home/camille/.local/state/rebond/accounts/sam/rebond.db"));
        assertThat(ConfigLoader.namesAccounts(host)).isTrue();
        assertThat(ConfigLoader.namesAccounts(EXAMPLE)).isFalse();
    }

    @Test
    void theExampleFileDocumentsEveryKeyTheLoaderKnows() throws IOException {
        assertThat(documentedKeys()).containsExactlyInAnyOrderElementsOf(ConfigLoader.knownKeys());
    }

    /**
     * For each {@code # default: V} with a literal V, a minimal file with the key set to V loads to
     * the same configuration as the minimal file without it.
     */
    @Test
    void everyLiteralDefaultInTheExampleIsTheLoadersDefault() throws IOException {
        Map<String, String> defaults = documentedDefaults();
        assertThat(defaults).as("literal defaults found").hasSizeGreaterThanOrEqualTo(25);

        Path file = dir.resolve("rebond.yaml");
        Files.writeString(file, minimal(null, null));
        RebondConfig withoutKey = loader.load(file);
        for (var d : defaults.entrySet()) {
            Files.writeString(file, minimal(d.getKey(), d.getValue()));
            assertThat(loader.load(file)).as("%s: %s", d.getKey(), d.getValue()).isEqualTo(withoutKey);
        }
    }

    private static String minimal(String key, String value) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        sections.put("profile", new ArrayList<>(List.of("name: Camille Martin", "addresses: [camille.martin@example.org]")));
        sections.put("mailbox", new ArrayList<>(List.of("host: imap.example.org", "username: camille", "password_file: pw")));
        if (key != null) {
            String section = key.substring(0, key.indexOf('.'));
            sections.computeIfAbsent(section, s -> new ArrayList<>()).add(key.substring(section.length() + 1) + ": " + value);
        }
        StringBuilder yaml = new StringBuilder();
        sections.forEach((section, lines) -> {
            yaml.append(section).append(":\n");
            lines.forEach(l -> yaml.append("  ").append(l).append('\n'));
        });
        return yaml.toString();
    }

    /** Keys shown in the example, active or commented out, as section.key. */
    private static Set<String> documentedKeys() throws IOException {
        Set<String> keys = new LinkedHashSet<>();
        walk((section, key, pendingDefault) -> keys.add(section + "." + key));
        return keys;
    }

    /** Literal {@code # default:} values (descriptions in parentheses are skipped), by key. */
    private static Map<String, String> documentedDefaults() throws IOException {
        Map<String, String> defaults = new LinkedHashMap<>();
        walk((section, key, pendingDefault) -> {
            if (pendingDefault != null && !pendingDefault.startsWith("(")) defaults.put(section + "." + key, pendingDefault);
        });
        return defaults;
    }

    private interface KeyVisitor {
        void key(String section, String key, String pendingDefault);
    }

    private static void walk(KeyVisitor visitor) throws IOException {
        Set<String> known = ConfigLoader.knownKeys();
        String section = null;
        String pendingDefault = null;
        for (String line : Files.readAllLines(EXAMPLE, StandardCharsets.UTF_8)) {
            Matcher m;
            if ((m = SECTION.matcher(line)).matches()) {
                section = m.group(1);
                pendingDefault = null;
            } else if ((m = DEFAULT.matcher(line)).matches()) {
                pendingDefault = m.group(1).strip();
            } else if (section != null && (m = KEY.matcher(line)).matches() && known.contains(section + "." + m.group(1))) {
                visitor.key(section, m.group(1), pendingDefault);
                pendingDefault = null;
            }
        }
    }
}
