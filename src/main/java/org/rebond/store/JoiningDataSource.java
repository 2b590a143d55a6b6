package org.rebond.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The pool, except on a thread running {@link Database#inOneTransaction}: there a connection asked
 * for is that transaction's own, seen through a view in which the caller's transaction is a
 * savepoint. Its {@code commit} releases the savepoint, its {@code rollback} undoes what was done
 * since the connection was handed out, its {@code close} ends it without closing anything, and
 * auto-commit and isolation changes are ignored. That is what Quartz's JobStoreTX does with a
 * connection (take, write, commit or roll back, close), so scheduling an interview's actions joins
 * the transaction of the batch that found it.
 */
final class JoiningDataSource implements DataSource {

    private final DataSource pool;
    private final Supplier<Connection> joined;

    JoiningDataSource(DataSource pool, Supplier<Connection> joined) {
        this.pool = pool;
        this.joined = joined;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection own = joined.get();
        return own == null ? pool.getConnection() : joining(own);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    private static Connection joining(Connection own) throws SQLException {
        Savepoint savepoint = own.setSavepoint();
        InvocationHandler handler = new InvocationHandler() {
            private boolean ended;

            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                switch (method.getName()) {
                    case "commit" -> {
                        end(false);
                        return null;
                    }
                    case "rollback" -> {
                        if (args == null || args.length == 0) {
                            end(true);
                            return null;
                        }
                    }
                    case "close" -> {
                        end(false);
                        return null;
                    }
                    case "isClosed" -> {
                        return ended;
                    }
                    case "setAutoCommit", "setTransactionIsolation" -> {
                        return null;
                    }
                    case "getAutoCommit" -> {
                        return Boolean.FALSE;
                    }
                    case "unwrap" -> {
                        return ((Class<?>) args[0]).isInstance(proxy) ? proxy : own.unwrap((Class<?>) args[0]);
                    }
                    default -> {
                        // handed to the transaction's connection below
                    }
                }
                try {
                    return method.invoke(own, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }

            private void end(boolean undo) throws SQLException {
                if (ended) {
                    return;
                }
                ended = true;
                if (undo) {
                    own.rollback(savepoint);
                }
                own.releaseSavepoint(savepoint);
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
