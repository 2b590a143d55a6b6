package org.rebond;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, checked on the compiled classes: the folders show the layers, arrows point
 * inwards, and one clock is made for the whole process.
 */
class ArchitectureTest {

    /** What a pure domain never touches: mail, SQL, scheduling, templates, files, the network, logs. */
    private static final String[] OUTSIDE_THE_DOMAIN = {"jakarta..", "org.eclipse.angus..", "java.sql..", "javax.sql..", "org.quartz..",
            "freemarker..", "java.io..", "java.nio.file..", "java.net..", "java.net.http..", "net.fortuna..", "org.sqlite..", "com.zaxxer..",
            "org.slf4j..", "org.yaml..", "picocli..", "com.icegreen..", "java.util.concurrent.."};
    /** rebond's adapters and the composition root. */
    private static final String[] ADAPTERS = {"org.rebond.mail..", "org.rebond.calendar..", "org.rebond.compose..", "org.rebond.schedule..",
            "org.rebond.store..", "org.rebond.cli..", "org.rebond.demo..", "org.rebond.config..", "org.rebond.vocabulary.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importTheProduct() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.rebond");
    }

    @Test
    void noTwoPackagesOfRebondDependOnEachOther() {
        SliceAssignment byPackage = new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                return javaClass.getPackageName().startsWith("org.rebond")
                        ? SliceIdentifier.of(javaClass.getPackageName()) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "rebond's packages";
            }
        };
        SlicesRuleDefinition.slices().assignedFrom(byPackage).should().beFreeOfCycles().check(classes);
    }

    @Test
    void theDomainUsesNoAdapterLibraryAndNoOtherPartOfRebond() {
        noClasses().that().resideInAPackage("org.rebond.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(OUTSIDE_THE_DOMAIN)
                .orShould().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
                .orShould().dependOnClassesThat().resideInAnyPackage("org.rebond.application..")
                .check(classes);
    }

    @Test
    void theUseCasesReachTheOutsideOnlyThroughTheirOwnRoleInterfaces() {
        noClasses().that().resideInAPackage("org.rebond.application..")
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
                .orShould().dependOnClassesThat().resideInAnyPackage("jakarta..", "org.eclipse.angus..", "java.sql..", "javax.sql..",
                        "org.quartz..", "freemarker..", "net.fortuna..", "org.sqlite..", "com.zaxxer..", "org.yaml..", "picocli..")
                .check(classes);
    }

    @Test
    void onlyTheCompositionRootDependsOnTheAdapters() {
        noClasses().that().resideInAnyPackage("org.rebond.store..", "org.rebond.schedule..")
                .should().dependOnClassesThat().resideInAnyPackage("org.rebond.mail..", "org.rebond.calendar..", "org.rebond.compose..",
                        "org.rebond.cli..", "org.rebond.demo..", "org.rebond")
                .check(classes);
        noClasses().that().resideInAnyPackage("org.rebond.mail..", "org.rebond.calendar..", "org.rebond.compose..")
                .should().dependOnClassesThat().resideInAnyPackage("org.rebond.store..", "org.rebond.schedule..", "org.rebond.cli..",
                        "org.rebond.demo..", "org.rebond")
                .check(classes);
    }

    @Test
    void theVocabularyUsesLuceneAndTheJavaBasicsAlone() {
        noClasses().that().resideInAPackage("org.rebond.vocabulary..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.rebond.vocabulary..", "org.apache.lucene..", "java.lang..",
                        "java.util", "java.util.function..", "java.util.regex..", "java.util.stream..", "java.io")
                .orShould().dependOnClassesThat().haveNameMatching("java\\.io\\.File.*")
                .because("it reads strings and returns values: no mail, SQL, template, file, clock or log")
                .check(classes);
    }

    @Test
    void theSystemClockIsMadeInTheCompositionRootAlone() {
        Map<Class<?>, Set<String>> readers = Map.of(
                Clock.class, Set.of("systemUTC", "systemDefaultZone", "system"),
                Instant.class, Set.of("now"), LocalDateTime.class, Set.of("now"), LocalDate.class, Set.of("now"),
                ZonedDateTime.class, Set.of("now"), OffsetDateTime.class, Set.of("now"),
                System.class, Set.of("currentTimeMillis"));
        DescribedPredicate<JavaMethodCall> readsTheSystemClock = DescribedPredicate.describe("read the system clock", call ->
                readers.entrySet().stream().anyMatch(r -> call.getTargetOwner().isEquivalentTo(r.getKey())
                        && r.getValue().contains(call.getName())));
        noClasses().that().doNotHaveFullyQualifiedName(App.class.getName())
                .should().callMethodWhere(readsTheSystemClock)
                .because("a Clock is made once, in the composition root, and handed down (tests step their own)")
                .check(classes);
    }

    @Test
    void noSourceFileOfTheProductIsLongerThanFiveHundredLines() throws IOException {
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            tooLong = files.filter(p -> p.toString().endsWith(".java")).filter(ArchitectureTest::longerThan500).map(Path::toString).toList();
        }
        assertThat(tooLong).as("files of src/main over 500 lines: split them by job").isEmpty();
    }

    private static boolean longerThan500(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count() > 500;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
