package org.rebond.store;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.rebond.application.CommandQueue;
import org.rebond.application.InterviewService;
import org.rebond.domain.UserCommand;

/** The {@code pending_command} table. */
public final class SqlCommandQueue implements CommandQueue {

    private final Database db;
    private final Clock clock;

    public SqlCommandQueue(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public long request(UserCommand.Kind kind, String target, String payload) {
        if (kind == UserCommand.Kind.REPLAN) {
            Optional<Long> waiting = db.queryOne("SELECT id FROM pending_command WHERE command = ? AND target = ? AND applied_at IS NULL",
                    rs -> rs.getLong(1), kind.name(), target);
            if (waiting.isPresent()) {
                return waiting.get();
            }
        }
        return db.insert("INSERT INTO pending_command (command, target, requested_at, payload) VALUES (?,?,?,?) RETURNING id", kind.name(), target,
                clock.instant().toString(), payload == null || payload.isEmpty() ? null : payload);
    }

    @Override
    public List<UserCommand> open() {
        return db.query("SELECT id, command, target, payload FROM pending_command WHERE applied_at IS NULL ORDER BY id",
                rs -> new UserCommand(rs.getLong(1), UserCommand.Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)));
    }

    @Override
    public void done(long id, InterviewService.Outcome outcome) {
        // The notes' text is not kept once applied: the notes themselves are.
        db.update("UPDATE pending_command SET applied_at = ?, result = ?, interview_id = ?, detail = ?, payload = NULL WHERE id = ?",
                clock.instant().toString(),
                outcome.kind().name(), outcome.interview() == null ? null : outcome.interview().id(), outcome.detail(), id);
    }

    @Override
    public Optional<Applied> applied(long id) {
        return db.queryOne("SELECT result, interview_id, detail FROM pending_command WHERE id = ? AND applied_at IS NOT NULL",
                rs -> new Applied(InterviewService.Outcome.Kind.valueOf(rs.getString(1)), rs.getLong(2), rs.getString(3)), id);
    }
}
