package org.rebond.calendar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.rebond.application.CalendarSource;
import org.rebond.application.CalendarSyncState;

/**
 * A local .ics file, or a vdir folder of .ics files (one event each, as vdirsyncer and khal keep
 * them). A file is read again when its modification time or size changed; a file gone from the
 * folder is a removal. Only regular files directly in the folder are read; links are not followed.
 */
public final class IcsFileCalendarSource implements CalendarSource {

    private static final int MAX_FILES = 20_000;

    private final Path path;
    private final CalendarSyncState state;
    private final Duration interval;
    private final long maxBytes;

    public IcsFileCalendarSource(Path path, CalendarSyncState state, Duration interval, long maxBytes) {
        this.path = path.toAbsolutePath().normalize();
        this.state = state;
        this.interval = interval;
        this.maxBytes = maxBytes;
    }

    @Override
    public String name() {
        return nameOf(path);
    }

    /** The name an .ics file or vdir folder goes by (its sync state is recorded under it). */
    public static String nameOf(Path path) {
        return (Files.isDirectory(path) ? "vdir " : "ICS file ") + path;
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public void sync(Changes changes) {
        String key = "ics-file:" + path;
        Map<String, String> known = state.etags(key);
        Map<String, Path> present = new LinkedHashMap<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                List<Path> all = files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ics"))
                        .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().limit(MAX_FILES).toList();
                all.forEach(p -> present.put(p.getFileName().toString(), p));
            } catch (IOException e) {
                throw new CalendarSourceException("cannot list the calendar folder " + path + " (" + e.getClass().getSimpleName()
                        + "); check that the user running rebond can read it", e);
            }
        } else if (Files.isRegularFile(path)) {
            present.put(path.getFileName().toString(), path);
        } else {
            throw new CalendarSourceException("the calendar file " + path + " is not there; check calendars[].path");
        }
        for (Map.Entry<String, Path> file : present.entrySet()) {
            Path p = file.getValue();
            String stamp;
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                stamp = a.lastModifiedTime().toMillis() + ":" + a.size();
                if (stamp.equals(known.get(file.getKey()))) continue;
                if (a.size() > maxBytes) {
                    changes.rejected(key, file.getKey(), p.toString(), stamp, "the file is " + a.size()
                            + " bytes, more than limits.max_calendar_part_bytes (" + maxBytes + ")");
                    continue;
                }
                changes.changed(key, file.getKey(), p.toString(), stamp, Files.readAllBytes(p));
            } catch (IOException e) {
                throw new CalendarSourceException("cannot read " + p + " (" + e.getClass().getSimpleName() + ")", e);
            }
        }
        for (String href : known.keySet()) {
            if (!present.containsKey(href)) {
                changes.removed(key, href, path.resolve(href).toString());
            }
        }
    }
}
