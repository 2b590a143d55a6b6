package org.rebond.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.rebond.application.ContactCircles;

/** The circles of contacts in SQLite (table {@code contact_circle}, migration V13). */
public final class SqlContactCircles implements ContactCircles {

    private final Database db;

    public SqlContactCircles(Database db) {
        this.db = db;
    }

    @Override
    public void set(String contact, String circle, Instant at) {
        db.update("INSERT INTO contact_circle (contact, circle, set_at) VALUES (?,?,?) "
                + "ON CONFLICT (contact) DO UPDATE SET circle = excluded.circle, set_at = excluded.set_at",
                contact.strip().toLowerCase(Locale.ROOT), circle, at.toString());
    }

    @Override
    public Map<String, String> all() {
        Map<String, String> circles = new LinkedHashMap<>();
        db.query("SELECT contact, circle FROM contact_circle ORDER BY contact", rs -> new String[] {rs.getString(1), rs.getString(2)})
                .forEach(row -> circles.put(row[0], row[1]));
        return circles;
    }
}
