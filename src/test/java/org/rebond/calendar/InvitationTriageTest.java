package org.rebond.calendar;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rebond.application.InvitationTriage;
import org.rebond.domain.DetectionRules;
import org.rebond.domain.InterviewDetector;

/**
 * Every calendar of the test resources, good and bad, through {@link Inspector#read}: the daemon's
 * own {@link InvitationTriage} behind the calendar adapter, as {@code rebond inspect} runs it.
 */
class InvitationTriageTest {
    private static final String USER = "sam.martin@example.net";

    /** What each file gives, one line per event: method, then set aside or the verdict. */
    private static final Map<String, List<String>> EXPECTED = Map.ofEntries(
            entry("apple-request.ics", List.of("REQUEST: detected, contact paul.bernard@example.fr")),
            entry("cancel.ics", List.of("CANCEL: detected, contact claire.dubois@example.org")),
            entry("counter-in-a-reply-mail.eml",
                    List.of("COUNTER (mail says REPLY, calendar says COUNTER): detected, contact claire.dubois@example.org")),
            entry("dst-gap-and-overlap.ics", List.of(": not detected", ": not detected", ": not detected", ": not detected")),
            entry("floating-and-all-day.ics", List.of(": not detected", ": not detected", ": not detected")),
            entry("google-request.ics", List.of("REQUEST: detected, contact claire.dubois@example.org")),
            entry("outlook-windows-zone-no-vtimezone.ics", List.of("PUBLISH: not detected")),
            entry("outlook-windows-zone.ics", List.of("REQUEST: detected, contact paul.durand@entreprise.example")),
            entry("publish-in-a-request-mail.eml",
                    List.of("PUBLISH (mail says REQUEST, calendar says PUBLISH): detected, contact claire.dubois@example.org")),
            entry("recurrence-id.ics", List.of("REQUEST: not detected", "REQUEST: not detected")),
            entry("request-every-second.ics", List.of("REQUEST: set aside: recurrence too dense (FREQ=SECONDLY): an event repeating more "
                    + "than once a day is not a meeting to prepare")),
            entry("request-two-uids.ics",
                    List.of("REQUEST: set aside: REQUEST carries 2 different UIDs", "REQUEST: set aside: REQUEST carries 2 different UIDs")),
            entry("request-without-organizer.ics", List.of("REQUEST: set aside: REQUEST without ORGANIZER")),
            entry("request-without-start.ics", List.of("REQUEST: set aside: REQUEST without a usable DTSTART")));

    @BeforeAll
    static void setUpIcal4j() {
        Ical4jSetup.configureOnce();
    }

    private static Inspector inspector(Set<String> userAddresses) {
        InterviewDetector detector = new InterviewDetector(DetectionRules.defaults(), userAddresses, address -> false);
        return new Inspector(CalendarLimits.defaults(), new InvitationTriage(new IcalCalendarReader(CalendarLimits.defaults()), detector));
    }

    private static Path fixtures() throws URISyntaxException {
        return Path.of(InvitationTriageTest.class.getResource("/calendar").toURI());
    }

    @Test
    void everyCalendarOfTheTestResourcesIsSetAsideOrJudgedAsTheDaemonWould() throws IOException, URISyntaxException {
        Inspector inspector = inspector(Set.of(USER));
        List<String> names;
        try (Stream<Path> files = Files.list(fixtures())) {
            names = files.map(f -> f.getFileName().toString()).sorted().toList();
        }

        assertThat(names).as("every fixture has its expected triage here").containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        for (String name : names) {
            assertThat(summary(inspector.read(fixtures().resolve(name)))).as(name).isEqualTo(EXPECTED.get(name));
        }
    }

    @Test
    void theUsersOwnAddressIsNeverTheContactOnceItIsKnown() throws URISyntaxException {
        Path organisedByTheUser = fixtures().resolve("apple-request.ics");

        assertThat(summary(inspector(Set.of(USER)).read(organisedByTheUser)))
                .containsExactly("REQUEST: detected, contact paul.bernard@example.fr");
        assertThat(summary(inspector(Set.of()).read(organisedByTheUser)))
                .as("without the user's addresses the organizer, herself, is all there is to go on")
                .containsExactly("REQUEST: detected, contact " + USER);
    }

    private static List<String> summary(Inspector.Reading reading) {
        assertThat(reading.error()).isEmpty();
        List<String> lines = new ArrayList<>();
        for (Inspector.Part part : reading.parts()) {
            InvitationTriage.PartVerdict verdict = part.verdict();
            String mismatch = verdict.methodMismatch().map(m -> " (" + m + ")").orElse("");
            for (InvitationTriage.EventVerdict judged : verdict.events()) {
                String outcome = judged.setAside().map(reason -> "set aside: " + reason)
                        .orElse(judged.verdict().detected() ? "detected, contact " + judged.verdict().contact() : "not detected");
                lines.add(judged.event().method() + mismatch + ": " + outcome);
            }
        }
        return lines;
    }
}
