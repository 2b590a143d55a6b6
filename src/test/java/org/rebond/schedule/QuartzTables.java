package org.rebond.schedule;

import org.rebond.store.Database;

/** What Quartz's job store holds, read from its tables in rebond's database, as an operator would. */
public final class QuartzTables {

    private QuartzTables() {}

    /** How many triggers wait to fire. */
    public static int pendingTriggers(Database db) {
        return db.queryOne("SELECT COUNT(*) FROM QRTZ_TRIGGERS", rs -> rs.getInt(1)).orElse(0);
    }
}
