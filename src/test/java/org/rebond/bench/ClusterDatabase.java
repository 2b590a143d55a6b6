package org.rebond.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.rebond.realserver.PostgresCluster;

/**
 * The nodes' shared database, in the URL's own schema, read as an operator would with psql: the
 * lease table, and the accounts' outboxes.
 */
record ClusterDatabase(String url, PostgresCluster postgres) {

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, PostgresCluster.USER, postgres.password());
    }

    /** Account → the node holding its lease now (leases run out are left out, and the nodes' own {@code node:NAME} rows). */
    Map<String, String> holders() throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = connect();
             PreparedStatement st = c.prepareStatement("SELECT account, holder FROM account_lease WHERE expires_at > ?")) {
            st.setLong(1, System.currentTimeMillis());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (!rs.getString(1).startsWith("node:")) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        return out;
    }

    /** Outbox rows in the APPENDING state in the schemas of these accounts ({@code account_NAME}). */
    long outboxAppending(Set<String> accounts) throws SQLException {
        long count = 0;
        try (Connection c = connect()) {
            for (String account : accounts) {
                try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM account_" + account.replace('-', '_')
                        + ".outbox WHERE state = 'APPENDING'"); ResultSet rs = st.executeQuery()) {
                    rs.next();
                    count += rs.getLong(1);
                }
            }
        }
        return count;
    }
}
