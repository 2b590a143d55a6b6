package org.rebond.store;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rebond.application.NewsKeeper;
import org.rebond.domain.Action;
import org.rebond.domain.Milestone;

/** The user's milestones and what each keeping-you-posted draft told (tables {@code milestone}, {@code news_told}, V14). */
public final class SqlNewsStore implements NewsKeeper {

    private final Database db;

    public SqlNewsStore(Database db) {
        this.db = db;
    }

    @Override
    public Milestone add(Milestone milestone) {
        long id = db.insert("INSERT INTO milestone (at, text, contact) VALUES (?,?,?) RETURNING id", milestone.at().toString(), milestone.text(),
                milestone.contact().toLowerCase(java.util.Locale.ROOT));
        return new Milestone(id, milestone.at(), milestone.text(), milestone.contact());
    }

    @Override
    public List<Milestone> milestones() {
        return db.query("SELECT id, at, text, contact FROM milestone ORDER BY at, id",
                rs -> new Milestone(rs.getLong(1), Instant.parse(rs.getString(2)), rs.getString(3), rs.getString(4)));
    }

    @Override
    public Set<String> toldTo(String contactEmail, long interviewId, Action draft) {
        return new HashSet<>(db.query("SELECT t.item FROM news_told t JOIN outbox o ON o.interview_id = t.interview_id AND o.action = t.action"
                        + " WHERE lower(t.contact) = lower(?) AND o.state = 'DONE' AND NOT (t.interview_id = ? AND t.action = ?)",
                rs -> rs.getString(1), contactEmail, interviewId, draft.key()));
    }

    @Override
    public void tell(String contactEmail, long interviewId, Action draft, List<String> items, Instant at) {
        db.inTransaction(c -> {
            Database.execute(c, "DELETE FROM news_told WHERE interview_id = ? AND action = ?", interviewId, draft.key());
            for (String item : new java.util.LinkedHashSet<>(items)) {
                Database.execute(c, "INSERT INTO news_told (contact, interview_id, action, item, told_at) VALUES (?,?,?,?,?)",
                        contactEmail.toLowerCase(java.util.Locale.ROOT), interviewId, draft.key(), item, at.toString());
            }
            return null;
        });
    }
}
