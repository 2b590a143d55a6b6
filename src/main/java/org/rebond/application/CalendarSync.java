package org.rebond.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.rebond.domain.CalendarEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every configured calendar source: each on its interval (backing off after failures, never
 * two syncs of one source at a time), each object through the bounded {@link CalendarParser}, each
 * event to {@link InterviewService#onCalendarSourceEvent} as the user's own calendar (no sender). A bad
 * object is quarantined with its reason and the others flow on (DESIGN I5). An object removed from
 * a source, or an event gone from it, cancels the interview it held.
 */
public final class CalendarSync {

    private static final Logger log = LoggerFactory.getLogger(CalendarSync.class);
    private static final Duration LONGEST_BACKOFF = Duration.ofHours(1);
    private static final Pattern PREP_UID = Pattern.compile("prep-[0-9a-f]{32}@rebond");

    /** What one sync of one source did. */
    public record Report(int objects, int created, int updated, int cancelled, int quarantined, int removed) {}

    private final List<CalendarSource> sources;
    private final CalendarReader reader;
    private final InterviewService interviews;
    private final Quarantine quarantine;
    private final CalendarSyncState state;
    private final long maxObjectBytes;
    private final ZoneId userZone;
    private final Clock clock;
    private final Duration past;
    private final Duration future;
    private final Runnable afterSync;
    private final Map<CalendarSource, ReentrantLock> locks = new LinkedHashMap<>();
    private final Map<CalendarSource, Integer> failures = new ConcurrentHashMap<>();

    /**
     * @param past, future events starting outside now − past … now + future are not taken up (those already followed are)
     * @param afterSync    run after each successful sync (the prep calendar's upkeep)
     */
    public CalendarSync(List<CalendarSource> sources, CalendarReader reader, InterviewService interviews, Quarantine quarantine,
                        CalendarSyncState state, long maxObjectBytes, ZoneId userZone, Clock clock, Duration past, Duration future,
                        Runnable afterSync) {
        this.sources = List.copyOf(sources);
        this.reader = reader;
        this.interviews = interviews;
        this.quarantine = quarantine;
        this.state = state;
        this.maxObjectBytes = maxObjectBytes;
        this.userZone = userZone;
        this.clock = clock;
        this.past = past;
        this.future = future;
        this.afterSync = afterSync;
        this.sources.forEach(s -> locks.put(s, new ReentrantLock()));
    }

    public List<CalendarSource> sources() {
        return sources;
    }

    /** Schedules every source on {@code executor}: a first sync at once, then each on its interval. */
    public void start(ScheduledExecutorService executor) {
        for (CalendarSource source : sources) {
            executor.schedule(() -> tick(source, executor), 0, TimeUnit.MILLISECONDS);
        }
    }

    private void tick(CalendarSource source, ScheduledExecutorService executor) {
        Duration next = source.interval();
        try {
            ReentrantLock lock = locks.get(source);
            if (lock.tryLock()) {
                try {
                    runOnce(source);
                    failures.remove(source);
                } finally {
                    lock.unlock();
                }
            }
        } catch (RuntimeException e) {
            int failed = failures.merge(source, 1, Integer::sum);
            next = backoff(source.interval(), failed);
            Instant nextAttempt = clock.instant().plus(next);
            record(() -> state.syncFailed(source.name(), e.getMessage(), failed, nextAttempt));
            log.warn("{}: sync failed ({}); next try in {} s", source.name(), e.getMessage(), next.toSeconds());
        }
        if (!executor.isShutdown()) {
            try {
                executor.schedule(() -> tick(source, executor), next.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // rebond is stopping
            }
        }
    }

    /** The sources' contacts are for display: a database hiccup must not stop the sync. */
    private static void record(Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            log.debug("could not record how the calendar sync went: {}", e.getMessage());
        }
    }

    /** Interval × 2^(failures − 1), at most an hour (and never less than the interval). */
    static Duration backoff(Duration interval, int failures) {
        Duration d = interval.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 16));
        return d.compareTo(LONGEST_BACKOFF) > 0 ? (interval.compareTo(LONGEST_BACKOFF) > 0 ? interval : LONGEST_BACKOFF) : d;
    }

    /** Syncs one source now, waiting if a sync of it is running. */
    public Report syncNow(CalendarSource source) {
        ReentrantLock lock = locks.get(source);
        if (lock == null) {
            throw new IllegalArgumentException(source.name() + " is not one of this sync's sources");
        }
        lock.lock();
        try {
            return runOnce(source);
        } finally {
            lock.unlock();
        }
    }

    private Report runOnce(CalendarSource source) {
        Handler handler = new Handler(source);
        source.sync(handler);
        record(() -> state.synced(source.name()));
        Report report = handler.report();
        if (report.objects() > 0 || report.removed() > 0) {
            log.info("{}: {} objects read, {} interviews created, {} updated, {} cancelled, {} quarantined, {} removed", source.name(),
                    report.objects(), report.created(), report.updated(), report.cancelled(), report.quarantined(), report.removed());
        }
        try {
            afterSync.run();
        } catch (RuntimeException e) {
            log.warn("after the sync of {}: {}", source.name(), e.getMessage());
        }
        return report;
    }

    /** One sync's changes, object by object. */
    private final class Handler implements CalendarSource.Changes {
        private final CalendarSource source;
        private int objects;
        private int created;
        private int updated;
        private int cancelled;
        private int quarantined;
        private int removed;

        Handler(CalendarSource source) {
            this.source = source;
        }

        Report report() {
            return new Report(objects, created, updated, cancelled, quarantined, removed);
        }

        @Override
        public void changed(String collection, String href, String location, String etag, byte[] ics) {
            objects++;
            try {
                take(collection, href, location, etag, ics);
            } catch (StoreException e) {
                throw e; // the database, not the object: the whole sync is retried later
            } catch (RuntimeException e) {
                // An object that trips rebond up must not block the others, sync after sync (DESIGN I5).
                quarantine(location, "could not be processed (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
                state.saveObject(collection, href, etag, state.body(collection, href).orElse(null));
            }
        }

        private void take(String collection, String href, String location, String etag, byte[] ics) {
            Optional<byte[]> before = state.body(collection, href);
            if (ics.length > maxObjectBytes) {
                quarantine(location, "the object is " + ics.length + " bytes, more than limits.max_calendar_part_bytes (" + maxObjectBytes + ")");
                state.saveObject(collection, href, etag, before.orElse(null));
                return;
            }
            List<CalendarEvent> parsed;
            try {
                parsed = reader.events(ics);
            } catch (CalendarReader.Rejected e) {
                quarantine(location, e.getMessage());
                state.saveObject(collection, href, etag, before.orElse(null));
                return;
            }
            Map<String, CalendarEvent> previous = before.map(this::eventsOf).orElse(Map.of());
            Map<String, CalendarEvent> current = new LinkedHashMap<>();
            boolean followed = false;
            for (CalendarEvent event : parsed) {
                if (!event.component().equals("VEVENT") || PREP_UID.matcher(event.uid()).matches()) continue;
                String key = keyOf(event);
                current.put(key, event);
                if (!previous.containsKey(key) && !inWindow(event)) continue;
                InterviewService.Outcome outcome = interviews.onCalendarSourceEvent(event);
                count(outcome);
                if (outcome.interview() != null) followed = true;
            }
            for (Map.Entry<String, CalendarEvent> gone : previous.entrySet()) {
                if (!current.containsKey(gone.getKey())) {
                    count(interviews.onCalendarSourceEvent(gone.getValue().withMethod("CANCEL")));
                }
            }
            state.saveObject(collection, href, etag, followed ? ics : null);
        }

        @Override
        public void rejected(String collection, String href, String location, String etag, String reason) {
            objects++;
            quarantine(location, reason);
            state.saveObject(collection, href, etag, state.body(collection, href).orElse(null));
        }

        @Override
        public void removed(String collection, String href, String location) {
            removed++;
            Optional<byte[]> before = state.body(collection, href);
            before.map(this::eventsOf).orElse(Map.of()).values()
                    .forEach(event -> count(interviews.onCalendarSourceEvent(event.withMethod("CANCEL"))));
            state.removeObject(collection, href);
        }

        private void quarantine(String location, String reason) {
            quarantined++;
            if (quarantine.add("calendar", location, reason)) {
                log.warn("{}: {} set aside: {}", source.name(), location, reason);
            }
        }

        private void count(InterviewService.Outcome outcome) {
            switch (outcome.kind()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case CANCELLED -> cancelled++;
                default -> { }
            }
        }

        private Map<String, CalendarEvent> eventsOf(byte[] body) {
            Map<String, CalendarEvent> out = new LinkedHashMap<>();
            try {
                for (CalendarEvent e : reader.events(body)) {
                    if (e.component().equals("VEVENT")) out.put(keyOf(e), e);
                }
            } catch (CalendarReader.Rejected e) {
                log.debug("a kept calendar object no longer parses: {}", e.getMessage());
            }
            return out;
        }
    }

    private boolean inWindow(CalendarEvent event) {
        if (event.start() == null) return true; // the service reports it
        if (!event.rrule().isEmpty()) return true;
        Instant start = event.startInstant(userZone);
        Instant now = clock.instant();
        return !start.isBefore(now.minus(past)) && !start.isAfter(now.plus(future));
    }

    private static String keyOf(CalendarEvent event) {
        return event.uid() + "\n" + (event.recurrenceId() == null ? "" : event.recurrenceId().display());
    }

    /** For the tests and {@code status}: the sources' names. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        sources.forEach(s -> out.add(s.name()));
        return out;
    }
}
