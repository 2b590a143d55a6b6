package org.rebond.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class PasswordSourcesTest {
    @TempDir
    Path dir;

    private final ConfigProblems problems = new ConfigProblems("rebond.yaml");

    private PasswordSources passwords() {
        return new PasswordSources(new ConfigPaths(dir.resolve("rebond.yaml"), dir.resolve("home"), name -> null), problems);
    }

    private YamlSection mailbox(String yaml) {
        return new YamlSection("mailbox", new Yaml().compose(new StringReader(yaml)), 1,
                new LinkedHashSet<>(ConfigKeys.bySection().get("mailbox")), Map.of(), problems);
    }

    private List<String> reported() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> problems.throwIfAny("rebond.yaml"));
        return e == null ? List.of() : e.problems().stream().map(p -> p.key() + ": " + p.message()).toList();
    }

    @Test
    void eachSourceSaysWhereThePasswordIsWithoutHoldingIt() {
        assertThat(passwords().secret(mailbox("password_file: imap.pass"), false))
                .isEqualTo(new RebondConfig.Secret(dir.resolve("imap.pass"), null, null));
        assertThat(passwords().secret(mailbox("password_credential: imap-password"), false))
                .isEqualTo(new RebondConfig.Secret(null, "imap-password", null));
        assertThat(passwords().secret(mailbox("password_command: [pass, show, mail/imap]"), false))
                .isEqualTo(new RebondConfig.Secret(null, null, List.of("pass", "show", "mail/imap")));
        assertThat(passwords().secret(mailbox("oauth2_token_command: [oama, access, camille@gmail.com]"), false))
                .isEqualTo(new RebondConfig.Secret(null, null, List.of("oama", "access", "camille@gmail.com")));
        assertThat(reported()).isEmpty();
    }

    @Test
    void anOauth2TokenCommandMustBeANonEmptyList() {
        assertThat(passwords().secret(mailbox("oauth2_token_command: oama access camille@gmail.com"), false)).isNull();
        assertThat(passwords().secret(mailbox("oauth2_token_command: []"), false)).isNull();

        assertThat(reported()).containsExactly(
                "mailbox.oauth2_token_command: is run without a shell, so give it as a list (argv form),"
                        + " e.g. [oama, access, camille@gmail.com]",
                "mailbox.oauth2_token_command: must name a command that prints an access token,"
                        + " e.g. [oama, access, camille@gmail.com]");
    }

    @Test
    void noSourceIsAProblemOnlyWhenAPasswordIsNeeded() {
        assertThat(passwords().secret(mailbox("host: localhost"), true)).isNull();
        assertThat(reported()).isEmpty();

        assertThat(passwords().secret(mailbox("host: imap.example.org"), false)).isNull();
        assertThat(reported()).singleElement().asString().startsWith("mailbox: no password source");
    }
}
