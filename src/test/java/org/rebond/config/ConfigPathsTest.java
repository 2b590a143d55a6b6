package org.rebond.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class ConfigPathsTest {
    @TempDir
    Path dir;

    private Path home;
    private final ConfigProblems problems = new ConfigProblems("rebond.yaml");

    @BeforeEach
    void createHome() throws IOException {
        home = Files.createDirectories(dir.resolve("home/camille"));
    }

    private ConfigPaths paths(Map<String, String> environment) {
        return new ConfigPaths(dir.resolve("etc/rebond.yaml"), home, environment::get);
    }

    private YamlSection section(String name, String yaml) {
        return new YamlSection(name, new Yaml().compose(new StringReader(yaml)), 1,
                new LinkedHashSet<>(ConfigKeys.bySection().get(name)), Map.of(), problems);
    }

    private List<String> reported() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> problems.throwIfAny("rebond.yaml"));
        return e == null ? List.of() : e.problems().stream().map(p -> p.key() + ": " + p.message()).toList();
    }

    @Test
    void tildeIsTheHomeAndOtherPathsAreRelativeToTheFilesDirectory() {
        ConfigPaths paths = paths(Map.of());

        assertThat(paths.path(section("storage", "database: ~/state/r.db"), "database")).isEqualTo(home.resolve("state/r.db"));
        // a bare ~ is YAML for null, so the home alone is written quoted
        assertThat(paths.path(section("storage", "database: \"~\""), "database")).isEqualTo(home);
        assertThat(paths.path(section("storage", "database: ../var/r.db"), "database")).isEqualTo(dir.resolve("var/r.db"));
        assertThat(reported()).isEmpty();
    }

    @Test
    void anotherUsersHomeAndEnvironmentVariablesAreNotExpanded() {
        ConfigPaths paths = paths(Map.of());

        assertThat(paths.path(section("storage", "database: ~bob/r.db"), "database")).isNull();
        assertThat(paths.path(section("storage", "database: $HOME/r.db"), "database")).isNull();
        assertThat(reported()).containsExactly(
                "storage.database: only ~ (your own home directory) is expanded, not ~user; write the full path",
                "storage.database: environment variables are not expanded in paths; write the full path (got \"$HOME/r.db\")");
    }

    @Test
    void theDatabaseDefaultsToTheFirstSystemdStateDirectoryElseUnderTheHome() {
        YamlSection absent = section("storage", "{}");

        assertThat(paths(Map.of("STATE_DIRECTORY", "/var/lib/rebond:/var/lib/other")).storage(absent).database())
                .isEqualTo(Path.of("/var/lib/rebond/rebond.db"));
        assertThat(paths(Map.of()).storage(absent).database()).isEqualTo(home.resolve(".local/state/rebond/rebond.db"));
        assertThat(reported()).isEmpty();
    }

    @Test
    void onlyTheStateDirectoryIsRebondsOwnFolderNotOneTheUserChose() {
        Map<String, String> systemd = Map.of("STATE_DIRECTORY", "/var/lib/rebond");

        assertThat(paths(systemd).storage(section("storage", "{}")).inStateDirectory()).isTrue();
        assertThat(paths(Map.of()).storage(section("storage", "{}")).inStateDirectory()).isTrue();
        assertThat(paths(Map.of()).storage(section("storage", "database: ~/.local/state/rebond/other.db")).inStateDirectory())
                .as("the default folder written out").isTrue();
        assertThat(paths(systemd).storage(section("storage", "database: /var/lib/rebond/../rebond/r.db")).inStateDirectory()).isTrue();
        assertThat(paths(Map.of()).storage(section("storage", "database: ~/rebond.db")).inStateDirectory()).as("the home").isFalse();
        assertThat(paths(systemd).storage(section("storage", "database: ~/.local/state/rebond/rebond.db")).inStateDirectory())
                .as("not the state directory systemd gave").isFalse();
        assertThat(reported()).isEmpty();
    }

    @Test
    void aDatabaseThatIsADirectoryIsRefusedWithTheFileToGiveInstead() {
        paths(Map.of()).storage(section("storage", "database: \"~\""));

        assertThat(reported()).containsExactly(
                "storage.database: is a directory; give the database file, e.g. " + home.resolve("rebond.db"));
    }

    @Test
    void aTemplatesDirectoryMustExist() throws IOException {
        Files.createDirectories(home.resolve("templates"));

        assertThat(paths(Map.of()).templates(section("templates", "directory: ~/templates")).directory())
                .isEqualTo(home.resolve("templates"));
        assertThat(paths(Map.of()).templates(section("templates", "directory: ~/missing")).directory()).isNull();
        assertThat(reported()).containsExactly("templates.directory: no such directory: " + home.resolve("missing"));
    }
}
