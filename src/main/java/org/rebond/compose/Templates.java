package org.rebond.compose;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.Environment;
import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.SimpleScalar;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNotFoundException;
import freemarker.template.Version;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.rebond.i18n.Sentence;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders rebond's messages from Freemarker templates, configured so that data is never evaluated
 * (BAD-INPUTS B30, B31): {@code .ftlh} templates escape HTML, {@code .ftl} templates are plain text,
 * {@code ?new} can instantiate nothing, {@code ?api} is off, and the data model only exposes plain
 * values (maps, lists, strings, numbers, booleans, dates) — never methods.
 *
 * <p>A message named {@code brief} in French is made of {@code fr/brief.subject.ftl},
 * {@code fr/brief.ftl} and {@code fr/brief.ftlh}. Any single file in the user's directory replaces the
 * bundled one.
 */
public final class Templates {

    /** Freemarker's incompatible_improvements level. */
    static final Version FREEMARKER_LEVEL = Configuration.VERSION_2_3_34;

    private static final Pattern MESSAGE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,40}");
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\u0085\\u2028\\u2029]+");
    private static final Pattern SPACES = Pattern.compile("\\s{2,}");

    private static final Pattern FORBIDDEN_BUILTIN = Pattern.compile(
            "\\?[ \\t]*(interpret|eval_json|evalJson|eval|new|api|has_api|hasApi|no_esc|noEsc)\\b");
    private static final Pattern FORBIDDEN_DIRECTIVE = Pattern.compile(
            "[<\\[]#[ \\t]*(noautoesc|noAutoEsc)\\b");
    private static final Pattern REMOTE_IMPORT = Pattern.compile(
            "[<\\[]#[ \\t]*(import|include)\\s+[\"']\\s*([a-zA-Z][a-zA-Z0-9+.-]*:|//|\\\\\\\\)");

    private final Configuration configuration;
    private final Path userDirectory;
    private final Path bundledDirectory;

    /**
     * @param userDirectory    the user's templates, overriding bundled files one by one; may be null
     * @param bundledDirectory the bundled templates on disk; null to load them from the classpath
     *                         under {@code /templates}
     */
    public Templates(Path userDirectory, Path bundledDirectory) {
        this.userDirectory = userDirectory != null && Files.isDirectory(userDirectory) ? userDirectory : null;
        this.bundledDirectory = bundledDirectory;
        this.configuration = configure(loader(this.userDirectory, bundledDirectory));
    }

    /**
     * Renders the message {@code name} in {@code language} ({@code en} or {@code fr}; anything else
     * gives English).
     *
     * @throws TemplateProblem when a template is missing, broken, uses a forbidden construct, or
     *                         refers to a variable the model does not have
     */
    public RenderedMessage render(String name, Locale language, Map<String, Object> model) {
        if (name == null || !MESSAGE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a message name: " + name);
        }
        String lang = languageOf(language);
        Locale locale = Locale.forLanguageTag(lang);
        Map<String, Object> data = model == null ? Map.of() : new HashMap<>(model);
        String subject = renderFile(lang + "/" + name + ".subject.ftl", locale, data);
        String text = renderFile(lang + "/" + name + ".ftl", locale, data);
        String html = renderFile(lang + "/" + name + ".ftlh", locale, data);
        if (lang.equals("fr")) {
            return new RenderedMessage(FrenchTypography.apply(oneLine(subject)), FrenchTypography.apply(text), FrenchTypography.apply(html));
        }
        return new RenderedMessage(oneLine(subject), text, html);
    }

    /**
     * Finds constructs no rebond template may contain (B31): the built-ins that evaluate data as
     * template code or instantiate classes ({@code ?interpret}, {@code ?eval}, {@code ?eval_json},
     * {@code ?new}, {@code ?api}), the ones that switch HTML escaping off ({@code ?no_esc},
     * {@code #noautoesc}), and imports or includes of URLs.
     *
     * @return one entry per finding, such as {@code line 4: ?interpret}; empty when the source is clean
     */
    public List<String> forbiddenConstructs(String templateSource) {
        List<String> findings = new ArrayList<>();
        if (templateSource == null) {
            return findings;
        }
        collect(FORBIDDEN_BUILTIN, templateSource, m -> "?" + m.group(1), findings);
        collect(FORBIDDEN_DIRECTIVE, templateSource, m -> "#" + m.group(1), findings);
        collect(REMOTE_IMPORT, templateSource, m -> "#" + m.group(1) + " of a URL", findings);
        findings.sort((a, b) -> Integer.compare(lineOf(a), lineOf(b)));
        return List.copyOf(findings);
    }

    private interface Label {
        String of(Matcher m);
    }

    private static void collect(Pattern pattern, String source, Label label, List<String> findings) {
        Matcher m = pattern.matcher(source);
        while (m.find()) {
            findings.add("line " + lineNumberAt(source, m.start()) + ": " + label.of(m));
        }
    }

    private static int lineOf(String finding) {
        int end = finding.indexOf(':');
        return Integer.parseInt(finding.substring("line ".length(), end));
    }

    private static int lineNumberAt(String source, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    static String languageOf(Locale language) {
        return language != null && "fr".equals(language.getLanguage()) ? "fr" : "en";
    }

    private static String oneLine(String subject) {
        String flat = LINE_BREAKS.matcher(subject).replaceAll(" ");
        return SPACES.matcher(flat).replaceAll(" ").trim();
    }

    private String renderFile(String templateName, Locale locale, Map<String, Object> data) {
        Path override = overrideOf(templateName);
        if (override != null) {
            refuseForbidden(templateName, override);
        }
        try {
            Template template = configuration.getTemplate(templateName, locale);
            StringWriter out = new StringWriter();
            Environment environment = template.createProcessingEnvironment(data, out);
            environment.setLocale(locale);
            environment.process();
            return out.toString();
        } catch (TemplateNotFoundException e) {
            throw new TemplateProblem(shown(templateName), 0, say("template.not.found", shown(templateName), remedy(override)), e);
        } catch (ParseException e) {
            String file = shown(nameIn(e.getTemplateName(), templateName));
            throw new TemplateProblem(file, e.getLineNumber(),
                    say("template.at.line.quoted", file, e.getLineNumber(), firstLine(e.getEditorMessage()), remedy(override)), e);
        } catch (TemplateException e) {
            String file = shown(nameIn(e.getTemplateSourceName(), templateName));
            int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
            Object what = describe(e);
            throw new TemplateProblem(file, line,
                    say(what instanceof Sentence ? "template.at.line" : "template.at.line.quoted", file, line, what, remedy(override)), e);
        } catch (IOException e) {
            throw new TemplateProblem(shown(templateName), 0, say("template.unreadable", shown(templateName), e.getMessage(), remedy(override)), e);
        }
    }

    private void refuseForbidden(String templateName, Path override) {
        String source;
        try {
            source = Files.readString(override, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TemplateProblem(override.toString(), 0, say("template.unreadable", override, e.getMessage(), remedy(override)), e);
        }
        List<String> findings = forbiddenConstructs(source);
        if (!findings.isEmpty()) {
            String first = findings.get(0);
            throw new TemplateProblem(override.toString(), lineOf(first), say("template.forbidden", override, lineOf(first), first.substring(first.indexOf(": ") + 2), remedy(override)), null);
        }
    }

    private Path overrideOf(String templateName) {
        if (userDirectory == null) {
            return null;
        }
        Path candidate = userDirectory.resolve(templateName).normalize();
        return candidate.startsWith(userDirectory.normalize()) && Files.isRegularFile(candidate) ? candidate : null;
    }

    private String shown(String templateName) {
        Path override = overrideOf(templateName);
        if (override != null) {
            return override.toString();
        }
        if (bundledDirectory != null) {
            return bundledDirectory.resolve(templateName).toString();
        }
        return "templates/" + templateName;
    }

    private Sentence remedy(Path override) {
        if (override != null) {
            return say("template.remedy.override", userDirectory);
        }
        return say("template.remedy.bundled", bundledDirectory != null ? bundledDirectory : "templates/");
    }

    /** The sentence {@code key} of the {@code errors} bundle: what went wrong with a template, said in the user's language. */
    private static Sentence say(String key, Object... arguments) {
        return Sentence.of("errors", key, arguments);
    }

    private static String nameIn(String sourceName, String fallback) {
        return sourceName == null || sourceName.isBlank() ? fallback : sourceName;
    }

    private static Object describe(TemplateException e) {
        if (e instanceof InvalidReferenceException && e.getBlamedExpressionString() != null) {
            return say("template.missing.value", e.getBlamedExpressionString());
        }
        return firstLine(e.getMessageWithoutStackTop());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        for (String line : message.split("\\R")) {
            if (!line.isBlank()) {
                return line.trim();
            }
        }
        return message.trim();
    }

    private static TemplateLoader loader(Path userDirectory, Path bundledDirectory) {
        List<TemplateLoader> loaders = new ArrayList<>();
        try {
            if (userDirectory != null) {
                loaders.add(new FileTemplateLoader(userDirectory.toFile()));
            }
            if (bundledDirectory != null) {
                loaders.add(new FileTemplateLoader(bundledDirectory.toFile()));
            } else {
                loaders.add(new ClassTemplateLoader(Templates.class, "/templates"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open template directory: " + e.getMessage(), e);
        }
        return new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new));
    }

    private static Configuration configure(TemplateLoader loader) {
        Configuration cfg = new Configuration(FREEMARKER_LEVEL);
        cfg.setTemplateLoader(loader);
        cfg.setDefaultEncoding(StandardCharsets.UTF_8.name());
        cfg.setLocalizedLookup(false);
        cfg.setRecognizeStandardFileExtensions(true); // .ftlh = HTML with auto-escaping
        cfg.setOutputFormat(PlainTextOutputFormat.INSTANCE); // .ftl = plain text
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setAttemptExceptionReporter((exception, env) -> { });
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        cfg.setObjectWrapper(new PlainValueWrapper());
        return cfg;
    }

    /**
     * Wraps maps, lists, strings, numbers, booleans and dates as Freemarker does by default, exposes no
     * method or property of any other object, and refuses such objects outright so that a model
     * mistake shows up as an error instead of as a leak.
     */
    private static final class PlainValueWrapper extends DefaultObjectWrapper {

        PlainValueWrapper() {
            super(FREEMARKER_LEVEL);
            setExposureLevel(EXPOSE_NOTHING);
            setExposeFields(false);
            writeProtect();
        }

        @Override
        protected TemplateModel handleUnknownType(Object obj) throws TemplateModelException {
            if (obj instanceof Enum<?> || obj instanceof TemporalAccessor || obj instanceof CharSequence) {
                return new SimpleScalar(obj.toString());
            }
            throw new TemplateModelException("rebond templates only receive plain values (maps, lists, strings,"
                    + " numbers, booleans); got a " + obj.getClass().getName());
        }
    }
}
