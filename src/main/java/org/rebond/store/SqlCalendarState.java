package org.rebond.store;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rebond.application.CalendarSyncState;
import org.rebond.application.PrepCalendarState;

/** Sync state of calendar sources and the prep events written, in the one SQLite file. */
public final class SqlCalendarState implements CalendarSyncState, PrepCalendarState {

    private final Database db;
    private final Clock clock;

    public SqlCalendarState(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void synced(String source) {
        db.inTransaction(c -> Database.execute(c, "INSERT INTO calendar_source_state (source, last_sync_at, problem, problem_since,"
                + " next_attempt_at, failures, updated_at) VALUES (?,?,'',NULL,NULL,0,?) ON CONFLICT (source) DO UPDATE SET"
                + " last_sync_at = excluded.last_sync_at, problem = '', problem_since = NULL, next_attempt_at = NULL, failures = 0,"
                + " updated_at = excluded.updated_at", source, clock.instant().toString(), clock.instant().toString()));
    }

    @Override
    public void syncFailed(String source, String problem, int failures, Instant nextAttempt) {
        String now = clock.instant().toString();
        db.inTransaction(c -> Database.execute(c, "INSERT INTO calendar_source_state (source, last_sync_at, problem, problem_since,"
                + " next_attempt_at, failures, updated_at) VALUES (?,NULL,?,?,?,?,?) ON CONFLICT (source) DO UPDATE SET"
                + " problem = excluded.problem, problem_since = COALESCE(calendar_source_state.problem_since, excluded.problem_since),"
                + " next_attempt_at = excluded.next_attempt_at, failures = excluded.failures, updated_at = excluded.updated_at",
                source, problem == null ? "" : problem, now, nextAttempt.toString(), failures, now));
    }

    @Override
    public List<Contact> contacts() {
        return db.query("SELECT source, last_sync_at, problem, problem_since, next_attempt_at, failures FROM calendar_source_state ORDER BY source",
                rs -> new Contact(rs.getString(1), instant(rs.getString(2)), rs.getString(3), instant(rs.getString(4)),
                        instant(rs.getString(5)), rs.getInt(6)));
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }

    @Override
    public Validators validators(String source) {
        return db.queryOne("SELECT sync_token, ctag, etag, last_modified FROM calendar_collection WHERE source = ?",
                rs -> new Validators(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), source).orElse(Validators.NONE);
    }

    @Override
    public void saveValidators(String source, Validators v) {
        db.inTransaction(c -> Database.execute(c, "INSERT INTO calendar_collection (source, sync_token, ctag, etag, last_modified, updated_at)"
                + " VALUES (?,?,?,?,?,?) ON CONFLICT (source) DO UPDATE SET sync_token = excluded.sync_token, ctag = excluded.ctag,"
                + " etag = excluded.etag, last_modified = excluded.last_modified, updated_at = excluded.updated_at",
                source, v.syncToken(), v.ctag(), v.etag(), v.lastModified(), clock.instant().toString()));
    }

    @Override
    public Map<String, String> etags(String source) {
        Map<String, String> out = new LinkedHashMap<>();
        db.query("SELECT href, etag FROM calendar_object WHERE source = ? ORDER BY href", rs -> out.put(rs.getString(1), rs.getString(2)), source);
        return out;
    }

    @Override
    public void saveObject(String source, String href, String etag, byte[] body) {
        db.inTransaction(c -> Database.execute(c, "INSERT INTO calendar_object (source, href, etag, body, updated_at) VALUES (?,?,?,?,?)"
                + " ON CONFLICT (source, href) DO UPDATE SET etag = excluded.etag, body = excluded.body, updated_at = excluded.updated_at",
                source, href, etag, body, clock.instant().toString()));
    }

    @Override
    public Optional<byte[]> body(String source, String href) {
        return db.queryOne("SELECT body FROM calendar_object WHERE source = ? AND href = ? AND body IS NOT NULL",
                rs -> rs.getBytes(1), source, href);
    }

    @Override
    public void removeObject(String source, String href) {
        db.update("DELETE FROM calendar_object WHERE source = ? AND href = ?", source, href);
    }

    @Override
    public Optional<Placed> placed(String interviewUid, String recurrenceId) {
        return db.queryOne("SELECT href, etag, sequence, start_at, end_at FROM prep_calendar_event WHERE interview_uid = ? AND recurrence_id = ?",
                rs -> new Placed(rs.getString(1), rs.getString(2), rs.getInt(3), Instant.parse(rs.getString(4)),
                        Instant.parse(rs.getString(5))), interviewUid, recurrenceId);
    }

    @Override
    public void savePlaced(String interviewUid, String recurrenceId, Placed placed) {
        db.inTransaction(c -> Database.execute(c, "INSERT INTO prep_calendar_event (interview_uid, recurrence_id, href, etag, sequence,"
                + " start_at, end_at, updated_at) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (interview_uid, recurrence_id) DO UPDATE SET"
                + " href = excluded.href, etag = excluded.etag, sequence = excluded.sequence, start_at = excluded.start_at,"
                + " end_at = excluded.end_at, updated_at = excluded.updated_at",
                interviewUid, recurrenceId, placed.href(), placed.etag(), placed.sequence(), placed.start().toString(),
                placed.end().toString(), clock.instant().toString()));
    }

    @Override
    public void removePlaced(String interviewUid, String recurrenceId) {
        db.update("DELETE FROM prep_calendar_event WHERE interview_uid = ? AND recurrence_id = ?", interviewUid, recurrenceId);
    }
}
