package org.rebond.calendar;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rebond.application.CalendarSource;
import org.rebond.application.CalendarSyncState;

/**
 * An iCalendar feed at an http(s) URL (a "secret address" or a published calendar), read with a
 * conditional GET ({@code If-None-Match}, {@code If-Modified-Since}): a 304 costs nothing.
 */
public final class IcsUrlCalendarSource implements CalendarSource {

    private final URI url;
    private final DavClient client;
    private final CalendarSyncState state;
    private final Duration interval;

    public IcsUrlCalendarSource(URI url, DavClient client, CalendarSyncState state, Duration interval) {
        this.url = url.getScheme() != null && url.getScheme().equalsIgnoreCase("webcal")
                ? URI.create("https" + url.toString().substring("webcal".length())) : url;
        this.client = client;
        this.state = state;
        this.interval = interval;
    }

    @Override
    public String name() {
        return nameOf(url);
    }

    /** The name an ICS feed goes by (its sync state is recorded under it). The path of a feed is often its secret address: only the host is shown. */
    public static String nameOf(URI url) {
        return "ICS URL " + url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort()) + "/…";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public void sync(Changes changes) {
        String key = "ics-url:" + url;
        CalendarSyncState.Validators validators = state.validators(key);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "text/calendar, */*;q=0.5");
        if (!validators.etag().isEmpty()) headers.put("If-None-Match", validators.etag());
        if (!validators.lastModified().isEmpty()) headers.put("If-Modified-Since", validators.lastModified());
        DavClient.Response response = client.send("GET", url, headers, (byte[]) null);
        if (response.status() == 304) {
            return;
        }
        if (!response.ok()) {
            throw new CalendarSourceException(name() + " answered HTTP " + response.status()
                    + (response.status() == 404 ? "; check the URL (a secret address may have been reset)" : ""));
        }
        String etag = response.header("etag").orElse("");
        String lastModified = response.header("last-modified").orElse("");
        String stamp = !etag.isEmpty() ? etag : !lastModified.isEmpty() ? lastModified : "sha256:" + Digests.sha256(response.body());
        if (!stamp.equals(state.etags(key).get(url.toString()))) {
            changes.changed(key, url.toString(), name(), stamp, response.body());
        }
        state.saveValidators(key, new CalendarSyncState.Validators("", "", etag, lastModified));
    }
}
