package org.rebond.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageConfigTest {

    @TempDir
    Path dir;

    private static final String MINIMAL = ConfigLoaderTest.MINIMAL;

    private ConfigLoader loader() throws IOException {
        return new ConfigLoader(Map.<String, String>of()::get, Files.createDirectories(dir.resolve("home")), ZoneId.of("Europe/Paris"));
    }

    private RebondConfig load(String yaml) throws IOException {
        Path file = dir.resolve("rebond.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return loader().load(file);
    }

    private String problems(String yaml) throws IOException {
        Path file = dir.resolve("rebond.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        ConfigLoader loader = loader();
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.load(file));
        assertThat(e).as("expected the configuration to be refused").isNotNull();
        return e.getMessage();
    }

    @Test
    void withoutAKindTheStateIsInTheSqliteFile() throws IOException {
        RebondConfig.Storage storage = load(MINIMAL).storage();

        assertThat(storage.kind()).isEqualTo(RebondConfig.StorageKind.SQLITE);
        assertThat(storage.postgresql()).isFalse();
        assertThat(storage.database()).isEqualTo(dir.resolve("home/.local/state/rebond/rebond.db"));
    }

    @Test
    void postgresqlTakesItsUrlUserPasswordSourceAndPoolSize() throws IOException {
        RebondConfig.Storage storage = load(MINIMAL + """
                storage:
                  kind: postgresql
                  url: jdbc:postgresql://db.example.org:5432/rebond
                  username: rebond
                  password_file: db-password
                  pool_size: 12
                """).storage();

        assertThat(storage.postgresql()).isTrue();
        assertThat(storage.url()).isEqualTo("jdbc:postgresql://db.example.org:5432/rebond");
        assertThat(storage.username()).isEqualTo("rebond");
        assertThat(storage.password().file()).isEqualTo(dir.resolve("db-password"));
        assertThat(storage.poolSize()).isEqualTo(12);
        assertThat(storage.database()).as("the folder of this node's instance lock").isEqualTo(dir.resolve("home/.local/state/rebond/rebond.db"));
    }

    @Test
    void postgresqlWithoutPasswordSourceOrPoolSizeGetsTheDefaults() throws IOException {
        RebondConfig.Storage storage = load(MINIMAL + "storage:\n  kind: postgresql\n  url: jdbc:postgresql://localhost/rebond\n").storage();

        assertThat(storage.password()).isNull();
        assertThat(storage.poolSize()).isEqualTo(StorageSection.DEFAULT_POOL_SIZE);
    }

    @Test
    void postgresqlWithoutUrlOrWithAPasswordInItIsRefusedSayingWhatToWrite() throws IOException {
        assertThat(problems(MINIMAL + "storage:\n  kind: postgresql\n")).contains("storage.url: is required");
        assertThat(problems(MINIMAL + "storage:\n  kind: postgresql\n  url: postgres://db/rebond\n"))
                .contains("storage.url: must be a PostgreSQL JDBC URL, for example jdbc:postgresql://");
        assertThat(problems(MINIMAL + "storage:\n  kind: postgresql\n  url: jdbc:postgresql://db/rebond?user=r&password=hunter2\n"))
                .contains("storage.url: must not hold the password").doesNotContain("hunter2");
    }

    @Test
    void postgresqlKeysWithTheSqliteKindAndAnUnknownKindAreRefused() throws IOException {
        assertThat(problems(MINIMAL + "storage:\n  url: jdbc:postgresql://db/rebond\n"))
                .contains("storage.url: is only read with kind: postgresql");
        assertThat(problems(MINIMAL + "storage:\n  kind: mysql\n")).contains("storage.kind: must be one of sqlite, postgresql");
        assertThat(problems(MINIMAL + "storage:\n  kind: postgresql\n  url: jdbc:postgresql://db/rebond\n  database: /tmp/x.db\n"))
                .contains("storage.database: names the SQLite file");
    }
}
