package org.rebond.calendar;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rebond.application.CalendarSource;
import org.rebond.application.CalendarSyncState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CalDAV account or calendar. Discovery from the configured URL: the URL itself when it is a
 * calendar, else {@code current-user-principal} → {@code calendar-home-set} → every calendar there
 * that holds events. Sync by {@code sync-collection} with a sync-token (RFC 6578) where the server
 * has it, else by ctag and ETags with a time-ranged {@code calendar-query}; changed objects are read
 * with {@code calendar-multiget} in batches.
 */
public final class CalDavCalendarSource implements CalendarSource {

    private static final Logger log = LoggerFactory.getLogger(CalDavCalendarSource.class);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int MULTIGET_BATCH = 50;
    private static final int MAX_CALENDARS = 50;
    private static final String XML = "application/xml; charset=utf-8";

    /** How the collections are synced. */
    public enum Mode { AUTO, ETAG_ONLY }

    private final URI url;
    private final DavClient client;
    private final CalendarSyncState state;
    private final Clock clock;
    private final Duration interval;
    private final Duration past;
    private final Duration future;
    private final Mode mode;

    /**
     * @param past   how far back the time-ranged query looks (e.g. 30 days)
     * @param future how far ahead it looks (e.g. 400 days)
     */
    public CalDavCalendarSource(URI url, DavClient client, CalendarSyncState state, Clock clock, Duration interval,
                                Duration past, Duration future, Mode mode) {
        this.url = url;
        this.client = client;
        this.state = state;
        this.clock = clock;
        this.interval = interval;
        this.past = past;
        this.future = future;
        this.mode = mode;
    }

    @Override
    public String name() {
        return nameOf(url);
    }

    /** The name a CalDAV source at {@code url} goes by (its sync state is recorded under it). */
    public static String nameOf(URI url) {
        return "CalDAV " + url;
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public void sync(Changes changes) {
        for (URI calendar : discover()) {
            String key = "caldav:" + calendar;
            if (mode == Mode.AUTO && bySyncToken(calendar, key, changes)) {
                continue;
            }
            byEtags(calendar, key, changes);
        }
    }

    /** The calendars (holding events) reachable from the configured URL. */
    public List<URI> discover() {
        DavXml.DavResponse self = propfind(url, "0", "<d:resourcetype/><d:current-user-principal/><c:calendar-home-set/>"
                + "<c:supported-calendar-component-set/>").stream().findFirst()
                .orElseThrow(() -> new CalendarSourceException(url + " answered PROPFIND without a response; is it a CalDAV URL?"));
        if (isEventCalendar(self)) {
            return List.of(url);
        }
        String home = self.hrefIn(DavXml.CALDAV, "calendar-home-set");
        if (home.isEmpty()) {
            String principal = self.hrefIn(DavXml.DAV, "current-user-principal");
            if (principal.isEmpty()) {
                throw new CalendarSourceException(url + " names no calendar, no principal and no calendar home;"
                        + " give the URL of your CalDAV server, account or calendar");
            }
            URI principalUri = url.resolve(principal);
            home = propfind(principalUri, "0", "<c:calendar-home-set/>").stream().findFirst()
                    .map(r -> r.hrefIn(DavXml.CALDAV, "calendar-home-set")).orElse("");
            if (home.isEmpty()) {
                throw new CalendarSourceException(principalUri + " has no calendar-home-set; give the URL of a calendar instead");
            }
        }
        URI homeUri = url.resolve(home);
        List<URI> calendars = new ArrayList<>();
        for (DavXml.DavResponse r : propfind(homeUri, "1", "<d:resourcetype/><c:supported-calendar-component-set/>")) {
            if (isEventCalendar(r) && calendars.size() < MAX_CALENDARS) {
                calendars.add(homeUri.resolve(r.href()));
            }
        }
        if (calendars.isEmpty()) {
            log.info("{}: no calendar with events under {}", name(), homeUri);
        }
        return calendars;
    }

    private static boolean isEventCalendar(DavXml.DavResponse r) {
        if (!r.hasChild(DavXml.DAV, "resourcetype", DavXml.CALDAV, "calendar")) {
            return false;
        }
        return r.prop(DavXml.CALDAV, "supported-calendar-component-set")
                .map(set -> DavXml.children(set, DavXml.CALDAV, "comp").stream().anyMatch(c -> "VEVENT".equalsIgnoreCase(c.getAttribute("name"))))
                .orElse(true);
    }

    /** RFC 6578; false when the server does not offer it (then the caller falls back to ETags). */
    private boolean bySyncToken(URI calendar, String key, Changes changes) {
        CalendarSyncState.Validators validators = state.validators(key);
        String token = validators.syncToken();
        DavClient.Response response = syncReport(calendar, token);
        if (!token.isEmpty() && (response.status() == 403 || response.status() == 409 || response.status() == 400)) {
            log.info("{}: the server no longer knows the sync-token of {}; reading the whole calendar again", name(), calendar);
            token = "";
            response = syncReport(calendar, "");
        }
        if (response.status() != 207) {
            if (response.status() == 404) {
                throw new CalendarSourceException(calendar + " is gone (HTTP 404)");
            }
            log.debug("{}: sync-collection not offered on {} (HTTP {}); using ETags", name(), calendar, response.status());
            return false;
        }
        DavXml.MultiStatus ms = DavXml.parse(response.body(), "sync-collection on " + calendar);
        Map<String, String> known = state.etags(key);
        Map<String, String> fetch = new LinkedHashMap<>();
        Set<String> removed = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (DavXml.DavResponse r : ms.responses()) {
            if (isCollection(calendar, r.href())) continue;
            if (r.status() == 404 || r.status() == 410) {
                if (known.containsKey(r.href())) removed.add(r.href());
                continue;
            }
            seen.add(r.href());
            String etag = r.text(DavXml.DAV, "getetag");
            if (etag.isEmpty() || !etag.equals(known.get(r.href()))) {
                fetch.put(r.href(), etag);
            }
        }
        if (token.isEmpty()) {
            for (String href : known.keySet()) {
                if (!seen.contains(href)) removed.add(href);
            }
        }
        multiget(calendar, key, fetch, changes);
        for (String href : removed) {
            changes.removed(key, href, calendar.resolve(href).toString());
        }
        state.saveValidators(key, validators.withSyncToken(ms.syncToken()));
        return true;
    }

    private DavClient.Response syncReport(URI calendar, String token) {
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><d:sync-collection xmlns:d=\"DAV:\"><d:sync-token>"
                + DavXml.escape(token) + "</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>";
        return client.send("REPORT", calendar, Map.of("Content-Type", XML, "Depth", "1"), body);
    }

    /** ctag first (nothing to do when unchanged), then the ETags of the objects in the time range. */
    private void byEtags(URI calendar, String key, Changes changes) {
        CalendarSyncState.Validators validators = state.validators(key);
        String ctag = propfind(calendar, "0", "<cs:getctag/>").stream().findFirst().map(r -> r.text(DavXml.CS, "getctag")).orElse("");
        if (!ctag.isEmpty() && ctag.equals(validators.ctag())) {
            return;
        }
        Instant now = clock.instant();
        String query = "<?xml version=\"1.0\" encoding=\"utf-8\"?><c:calendar-query xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
                + "<d:prop><d:getetag/></d:prop><c:filter><c:comp-filter name=\"VCALENDAR\"><c:comp-filter name=\"VEVENT\">"
                + "<c:time-range start=\"" + UTC.format(now.minus(past)) + "\" end=\"" + UTC.format(now.plus(future)) + "\"/>"
                + "</c:comp-filter></c:comp-filter></c:filter></c:calendar-query>";
        DavClient.Response response = client.send("REPORT", calendar, Map.of("Content-Type", XML, "Depth", "1"), query);
        if (response.status() != 207) {
            throw new CalendarSourceException("calendar-query on " + calendar + " failed (HTTP " + response.status() + ")");
        }
        Map<String, String> known = state.etags(key);
        Map<String, String> current = new LinkedHashMap<>();
        for (DavXml.DavResponse r : DavXml.parse(response.body(), "calendar-query on " + calendar).responses()) {
            if (!isCollection(calendar, r.href()) && r.status() / 100 != 4) {
                current.put(r.href(), r.text(DavXml.DAV, "getetag"));
            }
        }
        Map<String, String> fetch = new LinkedHashMap<>();
        current.forEach((href, etag) -> {
            if (etag.isEmpty() || !etag.equals(known.get(href))) fetch.put(href, etag);
        });
        multiget(calendar, key, fetch, changes);
        for (String href : known.keySet()) {
            if (current.containsKey(href)) continue;
            // Gone from the time range: deleted, or moved far away. Ask before concluding.
            URI object = calendar.resolve(href);
            DavClient.Response get = client.send("GET", object, Map.of(), (byte[]) null);
            if (get.status() == 404 || get.status() == 410) {
                changes.removed(key, href, object.toString());
            } else if (get.ok()) {
                changes.changed(key, href, object.toString(), get.header("etag").orElse(""), get.body());
            }
        }
        state.saveValidators(key, validators.withCtag(ctag));
    }

    private void multiget(URI calendar, String key, Map<String, String> fetch, Changes changes) {
        List<String> hrefs = new ArrayList<>(fetch.keySet());
        for (int from = 0; from < hrefs.size(); from += MULTIGET_BATCH) {
            List<String> batch = hrefs.subList(from, Math.min(hrefs.size(), from + MULTIGET_BATCH));
            StringBuilder body = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><c:calendar-multiget xmlns:d=\"DAV:\""
                    + " xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:prop><d:getetag/><c:calendar-data/></d:prop>");
            batch.forEach(h -> body.append("<d:href>").append(DavXml.escape(h)).append("</d:href>"));
            body.append("</c:calendar-multiget>");
            DavClient.Response response = client.send("REPORT", calendar, Map.of("Content-Type", XML, "Depth", "1"), body.toString());
            if (response.status() != 207) {
                throw new CalendarSourceException("calendar-multiget on " + calendar + " failed (HTTP " + response.status() + ")");
            }
            for (DavXml.DavResponse r : DavXml.parse(response.body(), "calendar-multiget on " + calendar).responses()) {
                String location = calendar.resolve(r.href()).toString();
                if (r.status() == 404 || r.status() == 410) {
                    changes.removed(key, r.href(), location);
                    continue;
                }
                String data = r.text(DavXml.CALDAV, "calendar-data");
                String etag = r.text(DavXml.DAV, "getetag");
                changes.changed(key, r.href(), location, etag.isEmpty() ? fetch.getOrDefault(r.href(), "") : etag,
                        data.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static boolean isCollection(URI calendar, String href) {
        return calendar.resolve(href).getPath().equals(calendar.getPath());
    }

    private List<DavXml.DavResponse> propfind(URI target, String depth, String props) {
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><d:propfind xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\""
                + " xmlns:cs=\"http://calendarserver.org/ns/\"><d:prop>" + props + "</d:prop></d:propfind>";
        DavClient.Response response = client.send("PROPFIND", target, Map.of("Content-Type", XML, "Depth", depth), body);
        if (response.status() != 207) {
            throw new CalendarSourceException("PROPFIND " + target + " failed (HTTP " + response.status() + ")"
                    + (response.status() == 404 ? "; check the calendar URL" : ""));
        }
        return DavXml.parse(response.body(), "PROPFIND " + target).responses();
    }
}
