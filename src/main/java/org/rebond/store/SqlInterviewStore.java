package org.rebond.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rebond.application.InterviewStore;
import org.rebond.domain.Action;
import org.rebond.domain.CalendarEvent;
import org.rebond.domain.DebriefNotes;
import org.rebond.domain.Interview;
import org.rebond.domain.ItipOrder;
import org.rebond.domain.SeenEvent;

/** Interviews, notes, referrals and the journal in SQLite. */
public final class SqlInterviewStore implements InterviewStore {

    private static final String COLUMNS = "id, uid, recurrence_id, sequence_no, dtstamp, state, start_at, end_at, zone, floating, summary, "
            + "location, organizer, contact_email, contact_name, referrer_email, referrer_name, reason, source_message_id";

    private final Database db;
    private final Clock clock;

    public SqlInterviewStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Optional<Interview> find(String uid, String recurrenceId) {
        return db.queryOne("SELECT " + COLUMNS + " FROM interview WHERE uid = ? AND recurrence_id = ?", SqlInterviewStore::read, uid, recurrenceId);
    }

    @Override
    public Optional<Interview> byId(long id) {
        return db.queryOne("SELECT " + COLUMNS + " FROM interview WHERE id = ?", SqlInterviewStore::read, id);
    }

    @Override
    public Interview save(Interview i) {
        String now = clock.instant().toString();
        Object[] values = {i.uid(), i.recurrenceId(), i.sequence(), i.dtstamp() == null ? null : i.dtstamp().toString(), i.state().name(),
                i.start().toString(), i.end().toString(), i.zone(), i.floating(), i.summary(), i.location(), i.organizer(),
                i.contact().email(), i.contact().name(), i.referrer() == null ? null : i.referrer().email(),
                i.referrer() == null ? null : i.referrer().name(), i.reason(), i.sourceMessageId()};
        if (i.id() == 0) {
            Object[] params = append(values, now, now);
            long id = db.insert("INSERT INTO interview (uid, recurrence_id, sequence_no, dtstamp, state, start_at, end_at, zone, floating, summary, "
                    + "location, organizer, contact_email, contact_name, referrer_email, referrer_name, reason, source_message_id, created_at, updated_at) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id", params);
            return i.withId(id);
        }
        Object[] params = append(values, now, i.id());
        db.update("UPDATE interview SET uid=?, recurrence_id=?, sequence_no=?, dtstamp=?, state=?, start_at=?, end_at=?, zone=?, floating=?, "
                + "summary=?, location=?, organizer=?, contact_email=?, contact_name=?, referrer_email=?, referrer_name=?, reason=?, "
                + "source_message_id=?, updated_at=? WHERE id=?", params);
        return i;
    }

    private static Object[] append(Object[] values, Object... more) {
        Object[] out = new Object[values.length + more.length];
        System.arraycopy(values, 0, out, 0, values.length);
        System.arraycopy(more, 0, out, values.length, more.length);
        return out;
    }

    @Override
    public List<Interview> all() {
        return db.query("SELECT " + COLUMNS + " FROM interview ORDER BY start_at, id", SqlInterviewStore::read);
    }

    @Override
    public void saveNotes(long interviewId, DebriefNotes notes, String sourceId) {
        Interview interview = byId(interviewId).orElseThrow();
        db.inTransaction(c -> {
            Database.execute(c, "DELETE FROM note_item WHERE interview_id = ?", interviewId);
            insertItems(c, interviewId, "point", notes.points());
            insertItems(c, interviewId, "lead", notes.leads());
            if (!notes.article().isBlank()) {
                insertItems(c, interviewId, "article", List.of(notes.article()));
            }
            insertItems(c, interviewId, "next", notes.nextSteps());
            int position = 0;
            for (DebriefNotes.NameGiven name : notes.names()) {
                long updated = Database.execute(c, "UPDATE referral SET name = ?, email = ?, may_note = ?, may_contact = ?, may_mention = ?, "
                                + "introduces = ? WHERE interview_id = ? AND position = ?", name.name(), name.email(), name.mayNote(),
                        name.mayContact(), name.mayMention(), name.introduces(), interviewId, position);
                if (updated == 0) {
                    Database.execute(c, "INSERT INTO referral (interview_id, referrer_email, referrer_name, name, email, may_note, may_contact, "
                                    + "may_mention, introduces, position) VALUES (?,?,?,?,?,?,?,?,?,?)", interviewId, interview.contact().email(),
                            interview.contact().name(), name.name(), name.email(), name.mayNote(), name.mayContact(), name.mayMention(),
                            name.introduces(), position);
                }
                position++;
            }
            Database.execute(c, "DELETE FROM referral WHERE interview_id = ? AND position >= ?", interviewId, position);
            Database.execute(c, "INSERT INTO notes_source (interview_id, source_message_id, received_at) VALUES (?,?,?) ON CONFLICT DO NOTHING",
                    interviewId, sourceId, clock.instant().toString());
            return null;
        });
    }

    private static void insertItems(Connection c, long interviewId, String kind, List<String> items) throws SQLException {
        for (int i = 0; i < items.size(); i++) {
            Database.execute(c, "INSERT INTO note_item (interview_id, kind, position, text) VALUES (?,?,?,?)", interviewId, kind, i, items.get(i));
        }
    }

    @Override
    public Optional<DebriefNotes> notes(long interviewId) {
        if (db.queryOne("SELECT 1 FROM notes_source WHERE interview_id = ?", rs -> 1, interviewId).isEmpty()) {
            return Optional.empty();
        }
        List<String> points = items(interviewId, "point");
        List<String> leads = items(interviewId, "lead");
        List<String> article = items(interviewId, "article");
        List<DebriefNotes.NameGiven> names = db.query(
                "SELECT name, email, may_note, may_contact, may_mention, introduces FROM referral WHERE interview_id = ? ORDER BY position",
                rs -> new DebriefNotes.NameGiven(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5),
                        rs.getBoolean(6)), interviewId);
        return Optional.of(new DebriefNotes(points, leads, names, article.isEmpty() ? "" : article.get(0), items(interviewId, "next")));
    }

    @Override
    public List<NotesSource> notesSources(long interviewId) {
        return db.query("SELECT source_message_id, received_at FROM notes_source WHERE interview_id = ? ORDER BY received_at, "
                        + db.dialect().insertionOrder(),
                rs -> new NotesSource(rs.getString(1), Instant.parse(rs.getString(2))), interviewId);
    }

    @Override
    public boolean notesTakenFrom(long interviewId, String sourceId) {
        return db.queryOne("SELECT 1 FROM notes_source WHERE interview_id = ? AND source_message_id = ?", rs -> 1, interviewId, sourceId)
                .isPresent();
    }

    private List<String> items(long interviewId, String kind) {
        return db.query("SELECT text FROM note_item WHERE interview_id = ? AND kind = ? ORDER BY position", rs -> rs.getString(1), interviewId, kind);
    }

    /**
     * The lookups by address, whatever its case: each reads the index on the lower-case address
     * (migration 18), not the whole table, since a start asks them for every interview.
     */
    static final String KNOWN_CONTACT = "SELECT 1 FROM interview WHERE lower(contact_email) = lower(?) OR lower(referrer_email) = lower(?) "
            + "UNION ALL SELECT 1 FROM referral WHERE lower(email) = lower(?) LIMIT 1";
    static final String WITH_CONTACT = "SELECT " + COLUMNS + " FROM interview WHERE lower(contact_email) = lower(?) ORDER BY start_at, id";
    static final String MET_THANKS_TO = "SELECT " + COLUMNS + " FROM interview WHERE lower(referrer_email) = lower(?) AND state = 'SCHEDULED' "
            + "ORDER BY start_at";

    /** The referral rows that name this person: by address, or by full name when no address was given. */
    private static final String NAMED = " (r.email <> '' AND lower(r.email) = lower(?)) OR (r.email = '' AND ? <> '' AND lower(trim(r.name)) = lower(?))";

    private static Object[] namedParameters(String emailOrName) {
        String s = emailOrName.strip();
        String name = !s.contains("@") && s.split("\\s+").length >= 2 ? s.replaceAll("\\s+", " ") : "";
        return new Object[] {s, name, name};
    }

    @Override
    public Optional<Interview.Person> suggestedBy(String emailOrName) {
        if (emailOrName == null || emailOrName.isBlank()) {
            return Optional.empty();
        }
        return db.queryOne("SELECT r.referrer_email, r.referrer_name FROM referral r WHERE r.may_note AND (" + NAMED + ") ORDER BY r.id DESC",
                rs -> new Interview.Person(rs.getString(1), rs.getString(2)), namedParameters(emailOrName));
    }

    @Override
    public Optional<Suggestion> suggestionFor(String emailOrName) {
        if (emailOrName == null || emailOrName.isBlank()) {
            return Optional.empty();
        }
        return db.queryOne("SELECT r.referrer_email, r.referrer_name, i.start_at, r.may_mention, r.introduces FROM referral r"
                        + " JOIN interview i ON i.id = r.interview_id WHERE r.may_note AND (" + NAMED + ") ORDER BY r.id DESC",
                rs -> new Suggestion(new Interview.Person(rs.getString(1), rs.getString(2)), Instant.parse(rs.getString(3)),
                        rs.getBoolean(4), rs.getBoolean(5)), namedParameters(emailOrName));
    }

    @Override
    public List<NameSuggested> namesGiven() {
        return db.query("SELECT r.name, r.email, r.may_note, r.may_contact, r.may_mention, r.introduces, r.referrer_email, r.referrer_name,"
                        + " i.start_at, i.id FROM referral r JOIN interview i ON i.id = r.interview_id WHERE r.may_note"
                        + " ORDER BY i.start_at, i.id, r.position",
                rs -> new NameSuggested(new DebriefNotes.NameGiven(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
                        rs.getBoolean(5), rs.getBoolean(6)), new Interview.Person(rs.getString(7), rs.getString(8)),
                        Instant.parse(rs.getString(9)), rs.getLong(10)));
    }

    /**
     * Whether an address belongs to someone rebond follows: the contact or referrer of an
     * interview, or a person named in a debrief. Their messages keep a text excerpt.
     */
    public boolean isKnownContact(String email) {
        if (email == null || email.isBlank()) {
            return false;
        }
        return db.queryOne(KNOWN_CONTACT, rs -> true, email, email, email).isPresent();
    }

    /**
     * Every known contact, lower case: the contacts and referrers of interviews and the people
     * named in debriefs (what {@link #isKnownContact} asks about one address), read once per scan batch.
     */
    public Set<String> knownContacts() {
        return new HashSet<>(db.query("SELECT lower(contact_email) FROM interview WHERE contact_email IS NOT NULL "
                + "UNION SELECT lower(referrer_email) FROM interview WHERE referrer_email IS NOT NULL "
                + "UNION SELECT lower(email) FROM referral", rs -> rs.getString(1)));
    }

    /** Whether an address, or a full name, was given in an earlier debrief. */
    @Override
    public boolean isSuggestedContact(String emailOrName) {
        return suggestedBy(emailOrName).isPresent();
    }

    @Override
    public List<Interview> withContact(String email) {
        return db.query(WITH_CONTACT, SqlInterviewStore::read, email);
    }

    @Override
    public List<Interview> metThanksTo(String referrerEmail) {
        return db.query(MET_THANKS_TO, SqlInterviewStore::read, referrerEmail);
    }

    @Override
    public boolean settled(long interviewId, Action action) {
        return db.queryOne("SELECT state FROM outbox WHERE interview_id = ? AND action = ?", rs -> rs.getString(1), interviewId, action.key())
                .map(state -> !state.equals("APPENDING")).orElse(false);
    }

    @Override
    public void skip(long interviewId, Map<Action, String> reasons, Instant at) {
        if (reasons.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            for (var skipped : reasons.entrySet()) {
                Database.execute(c, "INSERT INTO outbox (interview_id, action, state, last_error, created_at, updated_at) VALUES (?,?,?,?,?,?)",
                        interviewId, skipped.getKey().key(), "SKIPPED", skipped.getValue(), at.toString(), at.toString());
                Database.execute(c, "INSERT INTO journal (interview_id, at, event, detail) VALUES (?,?,?,?)", interviewId, at.toString(),
                        skipped.getKey().label() + " skipped", skipped.getValue());
            }
            return null;
        });
    }

    @Override
    public void journal(long interviewId, Instant at, String event, String detail) {
        db.update("INSERT INTO journal (interview_id, at, event, detail) VALUES (?,?,?,?)", interviewId, at.toString(), event, detail);
    }


    public List<JournalLine> journalSince(long afterId) {
        return db.query("SELECT id, interview_id, at, event, detail FROM journal WHERE id > ? ORDER BY id",
                rs -> new JournalLine(rs.getLong(1), rs.getLong(2), Instant.parse(rs.getString(3)), rs.getString(4), rs.getString(5)), afterId);
    }

    /** The journal of one interview, oldest first (status shows cancellations and flagged updates from it). */
    public List<JournalLine> journalOf(long interviewId) {
        return db.query("SELECT id, interview_id, at, event, detail FROM journal WHERE interview_id = ? ORDER BY id",
                rs -> new JournalLine(rs.getLong(1), rs.getLong(2), Instant.parse(rs.getString(3)), rs.getString(4), rs.getString(5)), interviewId);
    }

    @Override
    public boolean deliveredOrUnderWay(long interviewId, Action action) {
        return db.queryOne("SELECT state FROM outbox WHERE interview_id = ? AND action = ?", rs -> rs.getString(1), interviewId, action.key())
                .map(state -> state.equals("DONE") || state.equals("APPENDING")).orElse(false);
    }

    @Override
    public boolean delivered(long interviewId, Action action) {
        return db.queryOne("SELECT state FROM outbox WHERE interview_id = ? AND action = ?", rs -> rs.getString(1), interviewId, action.key())
                .map("DONE"::equals).orElse(false);
    }

    @Override
    public int requestPrepUpdate(long interviewId, int atLeast, Instant previousStart, Instant previousEnd, Instant at) {
        return db.inTransaction(c -> {
            int last;
            try (var ps = c.prepareStatement("SELECT MAX(prep_sequence) FROM prep_update WHERE interview_id = ?")) {
                ps.setLong(1, interviewId);
                try (ResultSet rs = ps.executeQuery()) {
                    last = rs.next() ? rs.getInt(1) : 0;
                }
            }
            int next = Math.max(atLeast, last + 1);
            Database.execute(c, "INSERT INTO prep_update (interview_id, prep_sequence, previous_start, previous_end, created_at) VALUES (?,?,?,?,?)",
                    interviewId, next, previousStart.toString(), previousEnd.toString(), at.toString());
            return next;
        });
    }

    @Override
    public List<PrepUpdate> prepUpdates(long interviewId) {
        return db.query("SELECT interview_id, prep_sequence, previous_start, previous_end FROM prep_update WHERE interview_id = ? ORDER BY prep_sequence",
                rs -> new PrepUpdate(rs.getLong(1), rs.getInt(2), Instant.parse(rs.getString(3)), Instant.parse(rs.getString(4))), interviewId);
    }

    @Override
    public int requestDraftRevision(long interviewId, Instant at) {
        return db.inTransaction(c -> {
            int last;
            try (var ps = c.prepareStatement("SELECT COALESCE(MAX(number), 0) FROM draft_revision WHERE interview_id = ?")) {
                ps.setLong(1, interviewId);
                try (ResultSet rs = ps.executeQuery()) {
                    last = rs.next() ? rs.getInt(1) : 0;
                }
            }
            Database.execute(c, "INSERT INTO draft_revision (interview_id, number, created_at) VALUES (?,?,?)", interviewId, last + 1, at.toString());
            return last + 1;
        });
    }

    @Override
    public List<Integer> draftRevisions(long interviewId) {
        return db.query("SELECT number FROM draft_revision WHERE interview_id = ? ORDER BY number", rs -> rs.getInt(1), interviewId);
    }

    private static final String SEEN_COLUMNS = "id, uid, recurrence_id, sequence_no, dtstamp, start_at, end_at, zone, floating, summary, location, "
            + "organizer, organizer_name, attendees, contact_email, contact_name, referrer, reason, source_message_id, state, interview_id, seen_at";

    @Override
    public SeenEvent rememberSeen(SeenEvent e) {
        Optional<SeenEvent> known = findSeen(e.uid(), e.recurrenceId());
        Object[] values = {e.uid(), e.recurrenceId(), e.sequence(), e.dtstamp() == null ? null : e.dtstamp().toString(), e.start().toString(),
                e.end().toString(), e.zone(), e.floating(), e.summary(), e.location(), e.organizer(), e.organizerName(), attendees(e.attendees()),
                e.contact().email(), e.contact().name(), e.referrer(), e.reason(), e.sourceMessageId()};
        if (known.isEmpty()) {
            long id = db.insert("INSERT INTO seen_event (uid, recurrence_id, sequence_no, dtstamp, start_at, end_at, zone, floating, summary, location, "
                    + "organizer, organizer_name, attendees, contact_email, contact_name, referrer, reason, source_message_id, state, interview_id, seen_at) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,NULL,?) RETURNING id", append(values, SeenEvent.State.SEEN.name(), e.seenAt().toString()));
            return seenById(id).orElseThrow();
        }
        SeenEvent stored = known.get();
        if (ItipOrder.compare(e.sequence(), e.dtstamp(), stored.sequence(), stored.dtstamp()) != ItipOrder.Comparison.NEWER) {
            return stored; // the same invitation again (B17, B23), or an older one (B18)
        }
        db.update("UPDATE seen_event SET uid=?, recurrence_id=?, sequence_no=?, dtstamp=?, start_at=?, end_at=?, zone=?, floating=?, summary=?, "
                + "location=?, organizer=?, organizer_name=?, attendees=?, contact_email=?, contact_name=?, referrer=?, reason=?, source_message_id=?, "
                + "seen_at=? WHERE id=?", append(values, e.seenAt().toString(), stored.id()));
        return seenById(stored.id()).orElseThrow();
    }

    @Override
    public Optional<SeenEvent> findSeen(String uid, String recurrenceId) {
        return db.queryOne("SELECT " + SEEN_COLUMNS + " FROM seen_event WHERE uid = ? AND recurrence_id = ?", SqlInterviewStore::readSeen, uid, recurrenceId);
    }

    @Override
    public Optional<SeenEvent> seenById(long id) {
        return db.queryOne("SELECT " + SEEN_COLUMNS + " FROM seen_event WHERE id = ?", SqlInterviewStore::readSeen, id);
    }

    @Override
    public void saveSeenState(long id, SeenEvent.State state, long interviewId) {
        db.update("UPDATE seen_event SET state = ?, interview_id = ? WHERE id = ?", state.name(), interviewId == 0 ? null : interviewId, id);
    }

    @Override
    public List<SeenEvent> recentlySeen(Instant since, int limit) {
        return db.query("SELECT " + SEEN_COLUMNS + " FROM seen_event WHERE state = 'SEEN' AND end_at >= ? ORDER BY seen_at DESC, id DESC LIMIT ?",
                SqlInterviewStore::readSeen, since.toString(), limit);
    }

    private static String attendees(List<CalendarEvent.Attendee> attendees) {
        StringBuilder out = new StringBuilder();
        for (CalendarEvent.Attendee a : attendees) {
            out.append(flat(a.email())).append('\t').append(flat(a.name())).append('\t').append(flat(a.role())).append('\t')
                    .append(flat(a.partstat())).append('\n');
        }
        return out.toString();
    }

    private static String flat(String value) {
        return value == null ? "" : value.replaceAll("[\\t\\r\\n]", " ");
    }

    private static SeenEvent readSeen(ResultSet rs) throws SQLException {
        List<CalendarEvent.Attendee> attendees = new ArrayList<>();
        for (String line : rs.getString("attendees").split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            attendees.add(new CalendarEvent.Attendee(f[0], f.length > 1 ? f[1] : "", f.length > 2 ? f[2] : "", f.length > 3 ? f[3] : ""));
        }
        String dtstamp = rs.getString("dtstamp");
        return new SeenEvent(rs.getLong("id"), rs.getString("uid"), rs.getString("recurrence_id"), rs.getInt("sequence_no"),
                dtstamp == null ? null : Instant.parse(dtstamp), Instant.parse(rs.getString("start_at")), Instant.parse(rs.getString("end_at")),
                rs.getString("zone"), rs.getBoolean("floating"), rs.getString("summary"), rs.getString("location"), rs.getString("organizer"),
                rs.getString("organizer_name"), attendees, new Interview.Person(rs.getString("contact_email"), rs.getString("contact_name")),
                rs.getString("referrer"), rs.getString("reason"), rs.getString("source_message_id"), SeenEvent.State.valueOf(rs.getString("state")),
                rs.getLong("interview_id"), Instant.parse(rs.getString("seen_at")));
    }

    static Interview read(ResultSet rs) throws SQLException {
        String referrerEmail = rs.getString("referrer_email");
        String referrerName = rs.getString("referrer_name");
        Interview.Person referrer = referrerEmail == null && referrerName == null ? null
                : new Interview.Person(referrerEmail == null ? "" : referrerEmail, referrerName == null ? "" : referrerName);
        String dtstamp = rs.getString("dtstamp");
        return new Interview(rs.getLong("id"), rs.getString("uid"), rs.getString("recurrence_id"), rs.getInt("sequence_no"),
                dtstamp == null ? null : Instant.parse(dtstamp), Interview.State.valueOf(rs.getString("state")),
                Instant.parse(rs.getString("start_at")), Instant.parse(rs.getString("end_at")), rs.getString("zone"),
                rs.getBoolean("floating"), rs.getString("summary"), rs.getString("location"), rs.getString("organizer"),
                new Interview.Person(rs.getString("contact_email"), rs.getString("contact_name")), referrer,
                rs.getString("reason"), rs.getString("source_message_id"));
    }
}
