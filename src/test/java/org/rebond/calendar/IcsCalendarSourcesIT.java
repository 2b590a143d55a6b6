package org.rebond.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rebond.calendar.CalendarWorld.START;
import static org.rebond.calendar.CalendarWorld.bytes;
import static org.rebond.calendar.CalendarWorld.interview;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rebond.application.CalendarSource;
import org.rebond.application.CalendarSync;
import org.rebond.application.InterviewService;
import org.rebond.domain.CalendarEvent;
import org.rebond.domain.Interview;

/** ICS URLs (a test-only HTTP server on loopback), local .ics files and vdir folders. */
class IcsCalendarSourcesIT {

    @TempDir
    Path dir;

    private CalendarWorld world;
    private HttpServer server;
    private final AtomicReference<String> feed = new AtomicReference<>("");
    private final AtomicInteger gets = new AtomicInteger();
    private final AtomicInteger notModified = new AtomicInteger();

    @BeforeEach
    void open() throws IOException {
        world = new CalendarWorld(dir);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/private-7f3a/basic.ics", exchange -> {
            gets.incrementAndGet();
            String body = feed.get();
            String etag = "\"" + Digests.sha256(bytes(body)).substring(0, 16) + "\"";
            exchange.getResponseHeaders().add("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            byte[] bytes = bytes(body);
            exchange.getResponseHeaders().add("Content-Type", "text/calendar; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.createContext("/elsewhere.ics", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.2:" + server.getAddress().getPort() + "/private-7f3a/basic.ics");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/stalls.ics", exchange -> {
            exchange.sendResponseHeaders(200, 10_000);
            exchange.getResponseBody().write(bytes("BEGIN:VCALENDAR\r\n"));
            exchange.getResponseBody().flush();
            try {
                stalled.await(); // the rest of the answer never comes, until the test is over
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    private final CountDownLatch stalled = new CountDownLatch(1);

    @AfterEach
    void close() {
        stalled.countDown();
        server.stop(0);
        world.close();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private IcsUrlCalendarSource feedSource(String path) {
        return new IcsUrlCalendarSource(url(path), new DavClient("", () -> "", Duration.ofSeconds(10), true, 1 << 20, true),
                world.state, Duration.ofMinutes(5));
    }

    private static String twoEvents(String first, String second) {
        String a = first.substring(first.indexOf("BEGIN:VEVENT"), first.indexOf("END:VCALENDAR"));
        return second.replace("BEGIN:VEVENT", a + "BEGIN:VEVENT");
    }

    @Test
    void anIcsUrlIsReadWithAConditionalGetAndA304CostsNothing() {
        feed.set(interview("feed-1@acme.example", 0, START));
        IcsUrlCalendarSource source = feedSource("/private-7f3a/basic.ics");
        CalendarSync sync = world.sync(source);

        assertThat(sync.syncNow(source).created()).isEqualTo(1);
        CalendarSync.Report unchanged = sync.syncNow(source);

        assertThat(notModified.get()).isEqualTo(1);
        assertThat(unchanged.objects()).isZero();
        assertThat(gets.get()).isEqualTo(2);
        assertThat(source.name()).as("the secret address is not shown").doesNotContain("private-7f3a");
        assertThat(world.state.contacts()).as("the last sync, for status").singleElement().satisfies(c -> {
            assertThat(c.source()).isEqualTo(source.name());
            assertThat(c.lastSync()).isNotNull();
            assertThat(c.problem()).isEmpty();
        });
    }

    @Test
    void aSyncThatFailsIsRecordedWithItsProblemAndTheNextAttemptForStatus() {
        CalendarSource unreachable = new CalendarSource() {
            @Override
            public String name() {
                return "ICS URL https://calendar.example.org/…";
            }

            @Override
            public Duration interval() {
                return Duration.ofMinutes(5);
            }

            @Override
            public void sync(Changes changes) {
                throw new IllegalStateException("cannot reach calendar.example.org: Connection refused");
            }
        };
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            world.sync(unreachable).start(executor);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !world.state.contacts().isEmpty());
        } finally {
            executor.shutdownNow();
        }

        assertThat(world.state.contacts()).singleElement().satisfies(c -> {
            assertThat(c.source()).isEqualTo(unreachable.name());
            assertThat(c.lastSync()).as("never synced").isNull();
            assertThat(c.problem()).isEqualTo("cannot reach calendar.example.org: Connection refused");
            assertThat(c.failures()).isEqualTo(1);
            assertThat(c.nextAttempt()).isAfter(c.problemSince());
        });
    }

    @Test
    void anEventMovedInTheFeedIsUpdatedAndOneGoneFromItIsCancelled() {
        String marc = interview("feed-2@acme.example", 0, START);
        String other = CalendarWorld.event("lunch@example.org", 0, START.plus(Duration.ofDays(1)), "Lunch");
        feed.set(twoEvents(marc, other));
        IcsUrlCalendarSource source = feedSource("/private-7f3a/basic.ics");
        CalendarSync sync = world.sync(source);
        sync.syncNow(source);

        Instant moved = START.plus(Duration.ofDays(7));
        feed.set(twoEvents(interview("feed-2@acme.example", 1, moved), other));
        assertThat(sync.syncNow(source).updated()).isEqualTo(1);
        assertThat(world.only().start()).isEqualTo(moved);

        feed.set(other);
        assertThat(sync.syncNow(source).cancelled()).isEqualTo(1);
        assertThat(world.only().state()).isEqualTo(Interview.State.CANCELLED);
    }

    @Test
    void aRedirectToAnotherHostIsNotFollowed() {
        IcsUrlCalendarSource source = feedSource("/elsewhere.ics");

        assertThatThrownBy(() -> world.sync(source).syncNow(source))
                .isInstanceOf(CalendarSourceException.class)
                .hasMessageContaining("redirects to another server (http://127.0.0.2)");
        assertThat(gets.get()).isZero();
    }

    @Test
    void plainHttpIsRefusedBeyondLoopbackAndOnLoopbackUnlessAllowed() {
        DavClient strict = new DavClient("", () -> "", Duration.ofSeconds(5), false, 1 << 20);
        DavClient loopbackAllowed = new DavClient("", () -> "", Duration.ofSeconds(5), true, 1 << 20);

        assertThatThrownBy(() -> loopbackAllowed.checkAllowed(URI.create("http://calendar.example.org/basic.ics")))
                .hasMessageContaining("refusing plain http:// to calendar.example.org");
        assertThatThrownBy(() -> strict.checkAllowed(url("/private-7f3a/basic.ics")))
                .hasMessageContaining("allow_plaintext_on_loopback");
        loopbackAllowed.checkAllowed(url("/private-7f3a/basic.ics"));
        strict.checkAllowed(URI.create("https://calendar.example.org/basic.ics"));
    }

    @Test
    void aServerThatStallsInTheMiddleOfItsAnswerIsGivenUpOnWithinTwiceTheTimeout() {
        IcsUrlCalendarSource source = new IcsUrlCalendarSource(url("/stalls.ics"),
                new DavClient("", () -> "", Duration.ofMillis(500), true, 1 << 20, true), world.state, Duration.ofMinutes(5));
        long began = System.nanoTime();

        assertThatThrownBy(() -> world.sync(source).syncNow(source)).isInstanceOf(CalendarSourceException.class).hasMessageContaining("timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void anAnswerLargerThanTheCapIsNotRead() {
        feed.set(interview("feed-3@acme.example", 0, START) + "X".repeat(5000));
        IcsUrlCalendarSource source = new IcsUrlCalendarSource(url("/private-7f3a/basic.ics"),
                new DavClient("", () -> "", Duration.ofSeconds(10), true, 4096, true), world.state, Duration.ofMinutes(5));

        assertThatThrownBy(() -> world.sync(source).syncNow(source)).hasMessageContaining("larger than 4096 bytes");
        assertThat(world.interviews()).isEmpty();
    }

    @Test
    void aVdirFolderIsFollowedFileByFileAndAMalformedFileIsQuarantinedWhileTheOthersAreTaken() throws IOException {
        Path vdir = Files.createDirectories(dir.resolve("calendars/work"));
        Files.writeString(vdir.resolve("marc.ics"), interview("vdir-1@acme.example", 0, START));
        Files.writeString(vdir.resolve("broken.ics"), "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:broken\r\n");
        Files.writeString(vdir.resolve("notes.txt"), "not a calendar");
        IcsFileCalendarSource source = new IcsFileCalendarSource(vdir, world.state, Duration.ofMinutes(1), 1 << 20);
        CalendarSync sync = world.sync(source);

        CalendarSync.Report first = sync.syncNow(source);

        assertThat(first.objects()).isEqualTo(2);
        assertThat(first.created()).isEqualTo(1);
        assertThat(first.quarantined()).isEqualTo(1);
        assertThat(world.quarantine.all()).singleElement().satisfies(item -> {
            assertThat(item.item()).isEqualTo(vdir.resolve("broken.ics").toString());
            assertThat(item.reason()).contains("truncated");
        });
        assertThat(sync.syncNow(source).objects()).as("unchanged files are not read again").isZero();

        Instant moved = START.plus(Duration.ofHours(2));
        Files.writeString(vdir.resolve("marc.ics"), interview("vdir-1@acme.example", 1, moved));
        Files.setLastModifiedTime(vdir.resolve("marc.ics"), FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(sync.syncNow(source).updated()).isEqualTo(1);
        assertThat(world.only().start()).isEqualTo(moved);

        Files.delete(vdir.resolve("marc.ics"));
        CalendarSync.Report removal = sync.syncNow(source);
        assertThat(removal.removed()).isEqualTo(1);
        assertThat(removal.cancelled()).isEqualTo(1);
        assertThat(world.only().state()).isEqualTo(Interview.State.CANCELLED);
    }

    @Test
    void aSingleIcsFileIsReadAgainOnlyWhenItChanges() throws IOException {
        Path file = dir.resolve("calendar.ics");
        Files.writeString(file, interview("file-1@acme.example", 0, START));
        IcsFileCalendarSource source = new IcsFileCalendarSource(file, world.state, Duration.ofMinutes(1), 1 << 20);
        CalendarSync sync = world.sync(source);

        assertThat(sync.syncNow(source).created()).isEqualTo(1);
        assertThat(sync.syncNow(source).objects()).isZero();
    }

    @Test
    void aFileLargerThanTheLimitIsQuarantinedWithoutBeingRead() throws IOException {
        Path vdir = Files.createDirectories(dir.resolve("big"));
        Files.writeString(vdir.resolve("huge.ics"), interview("huge@acme.example", 0, START) + " ".repeat(3000));
        IcsFileCalendarSource source = new IcsFileCalendarSource(vdir, world.state, Duration.ofMinutes(1), 2048);

        assertThat(world.sync(source).syncNow(source).quarantined()).isEqualTo(1);
        assertThat(world.quarantine.all().get(0).reason()).contains("more than limits.max_calendar_part_bytes (2048)");
    }

    @Test
    void theSameEventFromTheMailboxAndFromACalendarIsOneInterview() throws Exception {
        String invitation = interview("both@acme.example", 0, START).replace("VERSION:2.0\r\n", "VERSION:2.0\r\nMETHOD:REQUEST\r\n");
        for (CalendarEvent event : world.parser.parse(bytes(invitation)).events()) {
            assertThat(world.service.onCalendarEvent(event, CalendarWorld.CONTACT, "<invite-1@acme.example>").kind())
                    .isEqualTo(InterviewService.Outcome.Kind.CREATED);
        }
        Path vdir = Files.createDirectories(dir.resolve("calendars/personal"));
        Files.writeString(vdir.resolve("both.ics"), interview("both@acme.example", 0, START));
        IcsFileCalendarSource source = new IcsFileCalendarSource(vdir, world.state, Duration.ofMinutes(1), 1 << 20);

        CalendarSync.Report report = world.sync(source).syncNow(source);

        assertThat(report.objects()).isEqualTo(1);
        assertThat(report.created()).isZero();
        assertThat(world.only().sourceMessageId()).as("the mail it came from is kept").isEqualTo("<invite-1@acme.example>");
    }

}
