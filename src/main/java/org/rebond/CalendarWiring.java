package org.rebond;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.rebond.application.CalendarSource;
import org.rebond.application.CalendarSync;
import org.rebond.application.InterviewService;
import org.rebond.application.PrepEventKeeper;
import org.rebond.calendar.CalDavCalendarSource;
import org.rebond.calendar.CalDavPrepCalendar;
import org.rebond.calendar.DavClient;
import org.rebond.calendar.IcalCalendarReader;
import org.rebond.calendar.IcsFileCalendarSource;
import org.rebond.calendar.IcsUrlCalendarSource;
import org.rebond.compose.RenderedMessage;
import org.rebond.compose.TemplateComposer;
import org.rebond.config.RebondConfig;
import org.rebond.config.SecretReader;
import org.rebond.domain.Action;
import org.rebond.store.Database;
import org.rebond.store.SqlCalendarState;
import org.rebond.store.SqlInterviewStore;
import org.rebond.store.SqlOutbox;
import org.rebond.store.SqlQuarantine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calendar side of the composition root (issue 4, items 7 and 8): the configured sources, their
 * sync, and the prep calendar's upkeep. {@link App} owns the executor they run on.
 */
final class CalendarWiring {

    private static final Logger log = LoggerFactory.getLogger(CalendarWiring.class);
    /** The time range a calendar source is read in (CalDAV calendar-query, and new events of any source). */
    static final Duration PAST = Duration.ofDays(30);
    static final Duration FUTURE = Duration.ofDays(400);
    /** How often the prep calendar is brought in step with interviews moved or cancelled by mail. */
    static final Duration PREP_UPKEEP = Duration.ofMinutes(5);
    /** The largest WebDAV answer read (a multiget of 50 objects). */
    private static final long MAX_DAV_ANSWER = 16L << 20;

    private final CalendarSync sync;
    private final PrepEventKeeper prep;

    private CalendarWiring(CalendarSync sync, PrepEventKeeper prep) {
        this.sync = sync;
        this.prep = prep;
    }

    static CalendarWiring wire(RebondConfig config, Database database, InterviewService interviews, SqlQuarantine quarantine,
                               SqlInterviewStore store, SqlOutbox outbox, TemplateComposer composer, Clock clock) {
        SqlCalendarState state = new SqlCalendarState(database, clock);
        long maxObject = config.limits().maxCalendarPartBytes();
        List<CalendarSource> sources = new ArrayList<>();
        PrepEventKeeper keeper = null;
        for (RebondConfig.Calendar c : config.calendars()) {
            switch (c.type()) {
                case CALDAV -> {
                    DavClient client = new DavClient(c.username(), passwordOf(c.password()), c.timeout(), c.allowPlaintextOnLoopback(),
                            MAX_DAV_ANSWER);
                    sources.add(new CalDavCalendarSource(c.url(), client, state, clock, c.interval(), PAST, FUTURE,
                            CalDavCalendarSource.Mode.AUTO));
                    if (c.prepCalendar() != null && keeper == null) {
                        CalDavPrepCalendar calendar = new CalDavPrepCalendar(c.prepCalendar(), client, state,
                                config.schedule().prepReminder(), clock);
                        keeper = new PrepEventKeeper(store, outbox, calendar, interview -> {
                            RenderedMessage brief = composer.render(interview, Action.BRIEF);
                            return new PrepEventKeeper.Brief(composer.prepTitle(interview), brief.text(), brief.html());
                        }, config.schedule().prepDuration(), clock);
                    }
                }
                case ICS_URL -> sources.add(new IcsUrlCalendarSource(URI.create(c.url().toString()),
                        new DavClient(c.username(), passwordOf(c.password()), c.timeout(), c.allowPlaintextOnLoopback(), maxObject, true),
                        state, c.interval()));
                case ICS_FILE -> sources.add(new IcsFileCalendarSource(c.path(), state, c.interval(), maxObject));
            }
        }
        PrepEventKeeper upkeep = keeper;
        CalendarSync sync = new CalendarSync(sources, new IcalCalendarReader(config.limits()), interviews, quarantine, state, maxObject,
                config.profile().timeZone(), clock, PAST, FUTURE, () -> {
                    if (upkeep != null) upkeep.upkeep();
                });
        return new CalendarWiring(sync, keeper);
    }

    void start(ScheduledExecutorService executor) {
        sync.start(executor);
        if (prep != null) {
            executor.scheduleWithFixedDelay(this::prepUpkeep, PREP_UPKEEP.toMillis(), PREP_UPKEEP.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (!sync.sources().isEmpty()) {
            log.info("following {} calendar source(s): {}{}", sync.sources().size(), String.join(", ", sync.names()),
                    prep == null ? "" : "; prep events go to the prep calendar");
        }
    }

    private void prepUpkeep() {
        try {
            prep.upkeep();
        } catch (RuntimeException e) {
            log.warn("prep calendar upkeep failed: {}", e.getMessage());
        }
    }

    /** After a brief was delivered: its prep event goes to the prep calendar too, off the action's thread. */
    void briefDelivered(ScheduledExecutorService executor, long interviewId) {
        if (prep == null) return;
        executor.execute(() -> {
            try {
                prep.upkeep(interviewId);
            } catch (RuntimeException e) {
                log.warn("prep event of interview {} not written to the prep calendar: {}; the next upkeep retries", interviewId,
                        e.getMessage());
            }
        });
    }

    CalendarSync sync() {
        return sync;
    }

    Optional<PrepEventKeeper> prep() {
        return Optional.ofNullable(prep);
    }

    private static Supplier<String> passwordOf(RebondConfig.Secret secret) {
        if (secret == null) return () -> "";
        SecretReader reader = new SecretReader();
        return () -> {
            char[] value = reader.read(secret);
            try {
                return new String(value);
            } finally {
                Arrays.fill(value, '\0');
            }
        };
    }
}
