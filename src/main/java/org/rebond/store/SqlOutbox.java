package org.rebond.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rebond.application.Outbox;
import org.rebond.application.OutgoingMessage;
import org.rebond.domain.Action;

/** The outbox in SQLite; one row per (interview, action), unique token. */
public final class SqlOutbox implements Outbox {

    private static final String COLUMNS = "id, interview_id, action, state, destination, token, message_id, uid, attempts, last_error, updated_at, "
            + "digest, replaces";

    private final Database db;

    public SqlOutbox(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Entry> find(long interviewId, Action action) {
        return db.queryOne("SELECT " + COLUMNS + " FROM outbox WHERE interview_id = ? AND action = ?", SqlOutbox::read, interviewId, action.key());
    }

    @Override
    public Entry begin(long interviewId, Action action, OutgoingMessage.Destination destination, String token, String messageId, String replaces,
                       Instant at) {
        long id = db.insert("INSERT INTO outbox (interview_id, action, state, destination, token, message_id, replaces, created_at, updated_at) "
                        + "VALUES (?,?,?,?,?,?,?,?,?) RETURNING id",
                interviewId, action.key(), State.APPENDING.name(), destination.name(), token, messageId, replaces, at.toString(), at.toString());
        return new Entry(id, interviewId, action, State.APPENDING, destination, token, messageId, -1, 0, null, at, null, replaces);
    }

    @Override
    public void recordDigest(long entryId, String digest) {
        db.update("UPDATE outbox SET digest = ? WHERE id = ?", digest, entryId);
    }

    @Override
    public void markDone(long entryId, long uid, Instant at) {
        db.update("UPDATE outbox SET state = ?, uid = ?, last_error = NULL, updated_at = ? WHERE id = ?", State.DONE.name(), uid, at.toString(), entryId);
    }

    @Override
    public void markSkipped(long interviewId, Action action, String reason, Instant at) {
        db.update("INSERT INTO outbox (interview_id, action, state, last_error, created_at, updated_at) VALUES (?,?,?,?,?,?)",
                interviewId, action.key(), State.SKIPPED.name(), reason, at.toString(), at.toString());
    }

    @Override
    public void markEntrySkipped(long entryId, String reason, Instant at) {
        db.update("UPDATE outbox SET state = ?, last_error = ?, updated_at = ? WHERE id = ?", State.SKIPPED.name(), reason, at.toString(), entryId);
    }

    @Override
    public void markAttemptFailed(long entryId, String error, Instant at) {
        db.update("UPDATE outbox SET attempts = attempts + 1, last_error = ?, updated_at = ? WHERE id = ?", error, at.toString(), entryId);
    }

    @Override
    public List<Entry> forInterview(long interviewId) {
        return db.query("SELECT " + COLUMNS + " FROM outbox WHERE interview_id = ? ORDER BY id", SqlOutbox::read, interviewId);
    }

    /** The Message-ID of each delivered debrief prompt, to recognise the user's replies. */
    public Optional<Long> interviewPromptedBy(String messageId) {
        return db.queryOne("SELECT interview_id FROM outbox WHERE action = 'DEBRIEF_PROMPT' AND message_id = ?", rs -> rs.getLong(1), messageId);
    }

    /** The Message-IDs of every debrief prompt written, with their interviews (read once per scan batch). */
    public Map<String, Long> promptMessageIds() {
        Map<String, Long> out = new HashMap<>();
        db.query("SELECT message_id, interview_id FROM outbox WHERE action = 'DEBRIEF_PROMPT' AND message_id IS NOT NULL",
                rs -> out.put(rs.getString(1), rs.getLong(2)));
        return out;
    }

    /** Whether a token belongs to a message rebond wrote. */
    public boolean knowsToken(String token) {
        return db.queryOne("SELECT 1 FROM outbox WHERE token = ?", rs -> 1, token).isPresent();
    }

    private static Entry read(ResultSet rs) throws SQLException {
        String destination = rs.getString("destination");
        String updated = rs.getString("updated_at");
        return new Entry(rs.getLong("id"), rs.getLong("interview_id"), Action.fromKey(rs.getString("action")), State.valueOf(rs.getString("state")),
                destination == null ? null : OutgoingMessage.Destination.valueOf(destination), rs.getString("token"), rs.getString("message_id"),
                rs.getLong("uid"), rs.getInt("attempts"), rs.getString("last_error"), updated == null ? null : Instant.parse(updated),
                rs.getString("digest"), rs.getString("replaces"));
    }
}
