package org.rebond.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.rebond.application.MessageHistory;
import org.rebond.domain.Interview;

/**
 * What the mailbox says about people (METHOD M3): one row per message seen, headers and a short
 * excerpt only, with every address involved, so briefs, threading and referrer detection need no
 * server searches.
 */
public final class SqlMessageHistory implements MessageHistory {

    /** Address numbers kept in memory, the most recently used (a first scan meets most of a mailbox's correspondents in every batch). */
    private static final int ADDRESS_NUMBERS_KEPT = 20_000;

    private final Database db;
    private final Set<String> userAddresses;
    /** Each address's number in the address table, for the ones used lately; guarded by itself. */
    private final Map<String, Long> addressNumbers = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > ADDRESS_NUMBERS_KEPT;
        }
    };

    public SqlMessageHistory(Database db, Set<String> userAddresses) {
        this.db = db;
        this.userAddresses = userAddresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }


    /** Keeps one message; seeing it again (same folder, UIDVALIDITY and UID) changes nothing. */
    public void record(SeenMessage m) {
        recordAll(List.of(m));
    }

    /**
     * Keeps messages in one transaction: a scan writes a batch at a time, since each commit
     * waits for the disk (synchronous=FULL) and one per message made the first scan of a large
     * mailbox disk-bound. The statements are prepared once per batch, not once per row.
     */
    public void recordAll(List<SeenMessage> messages) {
        recordAll(messages, null);
    }

    /**
     * Keeps messages and runs {@code alsoInTheTransaction} (a scan's folder cursor) in one
     * transaction that does not wait for the disk ({@link Database#inBulkTransaction}): all of it
     * can be read from the mailbox again.
     */
    @Override
    public void recordAll(List<SeenMessage> messages, Runnable alsoInTheTransaction) {
        if (messages.isEmpty() && alsoInTheTransaction == null) {
            return;
        }
        if (alsoInTheTransaction == null) {
            insert(messages);
        } else {
            // Joined, so that what runs alongside (the cursor's write) is a part of the same commit.
            db.inOneTransaction(() -> {
                alsoInTheTransaction.run();
                insert(messages);
            });
        }
    }

    private void insert(List<SeenMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        boolean sqlite = db.dialect() == Dialect.SQLITE;
        db.inBulkTransaction(c -> {
            // One statement per message and one per party: a message seen again (same folder,
            // UIDVALIDITY and UID) changes nothing. On SQLite the transaction holds the write lock
            // from its start, so the rows' numbers are given here, after the largest kept: SQLite's
            // RETURNING collects its rows in a table of its own, and took 40% of a message's insert.
            try (PreparedStatement insert = c.prepareStatement(sqlite ? INSERT_NUMBERED : INSERT_RETURNING);
                 PreparedStatement party = c.prepareStatement("INSERT INTO message_party (address, sent, message_row) VALUES (?,?,?)");
                 Addresses addresses = new Addresses(c, sqlite)) {
                RowNumbers rows = sqlite ? RowNumbers.after(c, "message") : null;
                for (SeenMessage m : messages) {
                    recordIn(m, insert, rows, party, addresses);
                }
            }
            return null;
        });
    }

    private static final String MESSAGE_COLUMNS = "folder, uidvalidity, uid, message_id, in_reply_to, refs, sent_at, from_email, "
            + "from_name, recipients, subject, excerpt, sample";
    private static final String INSERT_RETURNING = "INSERT INTO message (" + MESSAGE_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) "
            + "ON CONFLICT (folder, uidvalidity, uid) DO NOTHING RETURNING id";
    private static final String INSERT_NUMBERED = "INSERT INTO message (" + MESSAGE_COLUMNS + ", id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
            + "ON CONFLICT (folder, uidvalidity, uid) DO NOTHING";

    /**
     * The next row numbers of a table, given in a transaction that holds SQLite's write lock
     * (IMMEDIATE): no other connection can add a row meanwhile.
     */
    private static final class RowNumbers {
        private long next;

        private RowNumbers(long next) {
            this.next = next;
        }

        static RowNumbers after(Connection c, String table) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new RowNumbers(rs.getLong(1));
            }
        }

        /** Inserts one row numbered {@code next}; the row's number, or -1 if it was there already. */
        long insert(PreparedStatement ps, int numberParameter) throws SQLException {
            ps.setLong(numberParameter, next);
            if (ps.executeUpdate() == 0) {
                return -1;
            }
            return next++;
        }
    }

    private static void recordIn(SeenMessage m, PreparedStatement insert, RowNumbers rows, PreparedStatement party, Addresses addresses)
            throws SQLException {
        bind(insert, m.folder(), m.uidValidity(), m.uid(), m.messageId(), m.inReplyTo(), String.join(" ", m.references()),
                m.sentAt().toString(), m.fromEmail(), m.fromName(), String.join(",", m.recipients()), m.subject(), m.excerpt(), m.sample());
        long row;
        if (rows != null) {
            row = rows.insert(insert, 14);
        } else {
            try (ResultSet rs = insert.executeQuery()) {
                row = rs.next() ? rs.getLong(1) : -1;
            }
        }
        if (row < 0) {
            return; // kept already
        }
        Set<String> parties = new LinkedHashSet<>();
        if (!m.fromEmail().isBlank()) {
            parties.add(m.fromEmail());
        }
        parties.addAll(m.recipients());
        for (String email : parties) {
            bind(party, addresses.number(email), m.sentAt().getEpochSecond(), row);
            party.executeUpdate();
        }
    }

    /**
     * The number of each address in the address table, taken from memory, else from the table,
     * else given by a new row. A number given in a transaction that is then rolled back is
     * forgotten with it ({@link Database#onRollback}).
     */
    private final class Addresses implements AutoCloseable {
        private final PreparedStatement find;
        private final PreparedStatement add;

        private final RowNumbers numbers;

        Addresses(Connection c, boolean sqlite) throws SQLException {
            this.find = c.prepareStatement("SELECT id FROM address WHERE email = ?");
            this.add = c.prepareStatement(sqlite ? "INSERT INTO address (email, id) VALUES (?, ?)" : "INSERT INTO address (email) VALUES (?) RETURNING id");
            this.numbers = sqlite ? RowNumbers.after(c, "address") : null;
        }

        long number(String email) throws SQLException {
            synchronized (addressNumbers) {
                Long known = addressNumbers.get(email);
                if (known != null) {
                    return known;
                }
            }
            long number;
            find.setString(1, email);
            try (ResultSet rs = find.executeQuery()) {
                number = rs.next() ? rs.getLong(1) : -1;
            }
            if (number < 0) {
                add.setString(1, email);
                if (numbers != null) {
                    number = numbers.insert(add, 2);
                } else {
                    try (ResultSet rs = add.executeQuery()) {
                        rs.next();
                        number = rs.getLong(1);
                    }
                }
                db.onRollback(() -> {
                    synchronized (addressNumbers) {
                        addressNumbers.remove(email);
                    }
                });
            }
            synchronized (addressNumbers) {
                addressNumbers.put(email, number);
            }
            return number;
        }

        @Override
        public void close() throws SQLException {
            try (find; add) {
                // both closed
            }
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }


    /** Among the latest {@code latest} messages involving {@code email}, those kept without text, newest first. */
    public List<Textless> withoutText(String email, int latest) {
        return db.query("SELECT m.id, m.folder, m.uidvalidity, m.uid, m.sample, m.excerpt FROM message_party p JOIN message m ON m.id = p.message_row "
                        + "WHERE p.address = (SELECT id FROM address WHERE email = ?) ORDER BY p.sent DESC, p.message_row DESC LIMIT ?",
                rs -> rs.getString(5).isEmpty() && rs.getString(6).isEmpty() ? new Textless(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)) : null,
                email.toLowerCase(Locale.ROOT), latest).stream().filter(Objects::nonNull).toList();
    }

    /** Keeps texts downloaded later, in one transaction that does not wait for the disk (they can be downloaded again). */
    public void setTexts(List<Text> texts) {
        if (texts.isEmpty()) {
            return;
        }
        db.inBulkTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE message SET excerpt = ?, sample = ? WHERE id = ?")) {
                for (Text t : texts) {
                    bind(update, t.excerpt(), t.sample(), t.row());
                    update.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Forgets the rows of a folder whose UIDVALIDITY changed (they are read again under the new one). */
    public void forgetFolder(String folder, long oldUidValidity) {
        db.inTransaction(c -> {
            Database.execute(c, "DELETE FROM message_party WHERE message_row IN (SELECT id FROM message WHERE folder = ? AND uidvalidity = ?)", folder, oldUidValidity);
            Database.execute(c, "DELETE FROM message WHERE folder = ? AND uidvalidity = ?", folder, oldUidValidity);
            return null;
        });
    }

    /**
     * Messages exchanged with an address, newest first, each Message-ID once (a message seen in two
     * folders counts once, as the copy kept first).
     */
    public List<SeenMessage> with(String email, int limit) {
        return latest(email, Long.MIN_VALUE, true, limit);
    }

    /**
     * The latest {@code limit} messages exchanged with an address after {@code after}, newest first,
     * each Message-ID once, their excerpt and sample left empty: the contact's entries after that
     * second only are read, so an interview long past costs what came after it, not the contact's
     * whole history.
     */
    public List<SeenMessage> exchangedAfter(String email, Instant after, int limit) {
        return latest(email, after.getEpochSecond(), false, limit).stream().filter(m -> m.sentAt().isAfter(after)).toList();
    }

    private List<SeenMessage> latest(String email, long fromSecond, boolean texts, int limit) {
        // The contact's entries are read newest first in the parties' own order (address, date,
        // message) and no further than needed: twice the limit, more only if copies of one message
        // took up the room.
        String address = email.toLowerCase(Locale.ROOT);
        String textColumns = texts ? "m.excerpt, m.sample" : "'', ''";
        for (long read = Math.max(1, limit * 2L); ; read *= 2) {
            List<Kept> rows = db.query("SELECT m.id, m.folder, m.uidvalidity, m.uid, m.message_id, m.in_reply_to, m.refs, m.sent_at, m.from_email, "
                            + "m.from_name, m.recipients, m.subject, " + textColumns + " FROM message_party p JOIN message m ON m.id = p.message_row "
                            + "WHERE p.address = (SELECT id FROM address WHERE email = ?) AND p.sent >= ? ORDER BY p.sent DESC, p.message_row DESC LIMIT ?",
                    rs -> new Kept(rs.getLong(1), new SeenMessage(rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                            rs.getString(7).isBlank() ? List.of() : List.of(rs.getString(7).split(" ")), Instant.parse(rs.getString(8)),
                            rs.getString(9), rs.getString(10), rs.getString(11).isBlank() ? List.of() : List.of(rs.getString(11).split(",")),
                            rs.getString(12), rs.getString(13), rs.getString(14))),
                    address, fromSecond, read);
            Map<String, Kept> once = new LinkedHashMap<>();
            for (Kept row : rows) {
                String key = row.message().messageId().isEmpty() ? "row " + row.id() : row.message().messageId();
                once.merge(key, row, (first, other) -> other.id() < first.id() ? other : first);
            }
            if (once.size() >= limit || rows.size() < read) {
                return once.values().stream().limit(limit).map(Kept::message).toList();
            }
        }
    }

    /** A message kept, with its row. */
    private record Kept(long id, SeenMessage message) {}

    /** Text samples of any messages, for the keyword baseline (bounded). */
    public List<String> samples(int limit) {
        return db.query("SELECT sample FROM message WHERE sample <> '' ORDER BY id DESC LIMIT ?", rs -> rs.getString(1), limit);
    }

    /**
     * The person who introduced the user to a contact: the latest message before {@code before} that
     * involves the contact and comes from a third person (neither the user nor the contact).
     */
    @Override
    public Optional<Interview.Person> introducerOf(String contactEmail, Instant before) {
        if (contactEmail == null || contactEmail.isBlank()) {
            return Optional.empty();
        }
        return latest(contactEmail, Long.MIN_VALUE, false, 200).stream() // the texts are not needed
                .filter(m -> m.sentAt().isBefore(before))
                .filter(m -> !m.fromEmail().isBlank() && !m.fromEmail().equalsIgnoreCase(contactEmail) && !userAddresses.contains(m.fromEmail()))
                .filter(m -> m.recipients().stream().anyMatch(userAddresses::contains))
                .map(m -> new Interview.Person(m.fromEmail(), m.fromName()))
                .findFirst();
    }

    /** The Message-ID recorded for a UID of a folder, if that message was recorded. */
    public Optional<String> messageIdAt(String folder, long uidValidity, long uid) {
        return db.queryOne("SELECT message_id FROM message WHERE folder = ? AND uidvalidity = ? AND uid = ?", rs -> rs.getString(1),
                folder, uidValidity, uid);
    }

    /** The row id of the latest message kept, 0 when none: grows with every message kept. */
    public long newestRow() {
        return db.queryOne("SELECT COALESCE(MAX(id), 0) FROM message", rs -> rs.getLong(1)).orElse(0L);
    }

    /** How many messages are kept. */
    public long count() {
        return db.queryOne("SELECT COUNT(*) FROM message", rs -> rs.getLong(1)).orElse(0L);
    }
}
