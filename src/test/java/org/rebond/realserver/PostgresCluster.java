package org.rebond.realserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throwaway PostgreSQL cluster from Debian's {@code postgresql} package, for the tests that run
 * rebond's state on PostgreSQL: {@code initdb} into a temporary folder, the server started with
 * {@code pg_ctl} on loopback only ({@code -h 127.0.0.1}, a free port, its socket in that folder),
 * password authentication for the one user {@code rebond}, and stopped (then deleted) when the test
 * run ends. One cluster serves a whole test run ({@link #shared}); each test takes databases of its
 * own ({@link #newDatabase}).
 *
 * <p>{@code initdb} and {@code postgres} refuse to run as root: as root, they run as {@code nobody}
 * through {@code runuser -u nobody --} (util-linux, in every Debian), with the folder handed to
 * {@code nobody}; as anyone else, as that user. Without the package, {@link #assumeAvailable()}
 * skips the test, saying how to install it ({@code apt-get install postgresql}; .ci/run does it).
 */
public final class PostgresCluster implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    public static final String USER = "rebond";
    /** The connections a cluster accepts unless its starter asks for more ({@link #start(int)}). */
    static final int DEFAULT_MAX_CONNECTIONS = 200;
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path bin;
    private final Path folder;
    private final int port;
    private final int maxConnections;
    private final String password = UUID.randomUUID().toString();

    private PostgresCluster(Path bin, int maxConnections) {
        this.bin = bin;
        this.maxConnections = maxConnections;
        try {
            this.folder = Files.createTempDirectory("rebond-pg");
            this.port = freePort();
            start();
            // Stopped at the end of the run; also when the run is stopped early (SIGTERM, a timeout).
            Runtime.getRuntime().addShutdownHook(new Thread(this::stopQuietly, "postgres-test-cluster-stop"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where Debian puts the newest PostgreSQL installed: {@code /usr/lib/postgresql/N/bin}. */
    static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing((Path b) -> versionOf(b)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int versionOf(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public static boolean available() {
        return binaries().isPresent() && (!ROOT || Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/sbin/runuser")));
    }

    public static void assumeAvailable() {
        Assumptions.assumeTrue(available(), "PostgreSQL is not installed (apt-get install postgresql; .ci/run does it): "
                + "skipping the PostgreSQL test");
    }

    /** The cluster of this test run, started by the first test that asks, stopped when the run ends. */
    public static PostgresCluster shared(ExtensionContext context) {
        assumeAvailable();
        return context.getRoot().getStore(ExtensionContext.Namespace.create(PostgresCluster.class))
                .getOrComputeIfAbsent("cluster", k -> new PostgresCluster(binaries().orElseThrow(), DEFAULT_MAX_CONNECTIONS),
                        PostgresCluster.class);
    }

    /**
     * A cluster of the caller's own, apart from the shared one, accepting {@code maxConnections}
     * connections (the cluster test's three nodes each hold a pool per account they follow); the
     * caller closes it. Skips the calling test, saying why, without PostgreSQL.
     */
    public static PostgresCluster start(int maxConnections) {
        assumeAvailable();
        return new PostgresCluster(binaries().orElseThrow(), maxConnections);
    }

    public String password() {
        return password;
    }

    /** A new, empty database of the cluster: its JDBC URL. */
    public String newDatabase() {
        String name = "rebond_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, password); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a database on the test cluster: " + e.getMessage(), e);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void start() throws IOException {
        Path passwordFile = folder.resolve("password");
        Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
        if (ROOT) {
            run(List.of("chown", "-R", "nobody", folder.toString()));
        }
        Path data = folder.resolve("data");
        run(asServerUser(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=scram-sha-256",
                "--pwfile=" + passwordFile, "-E", "UTF8", "--no-locale", "--no-sync"));
        // -F: no fsync, a test cluster's data is thrown away anyway.
        run(asServerUser(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", folder.resolve("server.log").toString(),
                "-o", "-k " + folder + " -h 127.0.0.1 -p " + port + " -F -c max_connections=" + maxConnections, "-w", "-t", "60", "start"));
    }

    @Override
    public void close() throws IOException {
        try {
            run(asServerUser(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
        } finally {
            try (Stream<Path> all = Files.walk(folder)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void stopQuietly() {
        if (Files.isDirectory(folder.resolve("data"))) {
            try {
                close();
            } catch (IOException | RuntimeException e) {
                // the JVM is going away; the cluster's folder is in the temporary directory
            }
        }
    }

    private static List<String> asServerUser(String... command) {
        List<String> argv = new ArrayList<>();
        if (ROOT) {
            argv.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        argv.addAll(List.of(command));
        return argv;
    }

    private void run(List<String> argv) throws IOException {
        Process p = new ProcessBuilder(argv).directory(folder.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(argv.get(ROOT ? 4 : 0) + " did not finish within 120 s:\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (p.exitValue() != 0) {
            String log = Files.exists(folder.resolve("server.log")) ? Files.readString(folder.resolve("server.log")) : "";
            throw new IllegalStateException(String.join(" ", argv) + " failed (" + p.exitValue() + "):\n" + out + log);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
