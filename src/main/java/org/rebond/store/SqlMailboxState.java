package org.rebond.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.rebond.application.MailboxStatus;

/**
 * How the connection to the mailbox stands, as the running daemon last saw it: connected, or the
 * last problem with when it started and when the next attempt is due. {@code status} and
 * {@code doctor} read it from another process (BAD-INPUTS B46: a refused login must be visible).
 */
public final class SqlMailboxState implements MailboxStatus {



    private final Database db;
    private final Clock clock;

    public SqlMailboxState(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void connected(String account) {
        save(new State(account, Kind.CONNECTED, "", null, null, 0, clock.instant(), clock.instant()));
    }

    @Override
    public void heard(String account) {
        db.update("UPDATE mailbox_state SET last_contact_at = ? WHERE account = ?", clock.instant().toString(), account);
    }

    public void failed(String account, boolean loginRefused, String problem, int failures, Duration wait) {
        Instant nextAttempt = clock.instant().plus(wait);
        Instant since = get(account).filter(s -> s.kind() != Kind.CONNECTED && s.problemSince() != null)
                .map(State::problemSince).orElse(clock.instant());
        Instant lastContact = get(account).map(State::lastContact).orElse(null);
        save(new State(account, loginRefused ? Kind.LOGIN_REFUSED : Kind.RECONNECTING, problem, since, nextAttempt, failures, clock.instant(),
                lastContact));
    }

    public Optional<State> get(String account) {
        return db.queryOne("SELECT account, state, problem, problem_since, next_attempt_at, failures, updated_at, last_contact_at"
                        + " FROM mailbox_state WHERE account = ?",
                rs -> new State(rs.getString(1), Kind.valueOf(rs.getString(2)), rs.getString(3), instant(rs.getString(4)),
                        instant(rs.getString(5)), rs.getInt(6), instant(rs.getString(7)), instant(rs.getString(8))), account);
    }

    /** The state of the only account, or of the most recently updated one. */
    public Optional<State> latest() {
        return db.queryOne("SELECT account FROM mailbox_state ORDER BY updated_at DESC LIMIT 1", rs -> rs.getString(1)).flatMap(this::get);
    }

    private void save(State s) {
        db.inTransaction(c -> {
            long updated = Database.execute(c, "UPDATE mailbox_state SET state = ?, problem = ?, problem_since = ?, next_attempt_at = ?, failures = ?, "
                            + "updated_at = ?, last_contact_at = ? WHERE account = ?", s.kind().name(), s.problem(), text(s.problemSince()),
                    text(s.nextAttempt()), s.failures(), s.updatedAt().toString(), text(s.lastContact()), s.account());
            if (updated == 0) {
                Database.execute(c, "INSERT INTO mailbox_state (account, state, problem, problem_since, next_attempt_at, failures, updated_at, "
                                + "last_contact_at) VALUES (?,?,?,?,?,?,?,?)", s.account(), s.kind().name(), s.problem(), text(s.problemSince()),
                        text(s.nextAttempt()), s.failures(), s.updatedAt().toString(), text(s.lastContact()));
            }
            return null;
        });
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }
}
