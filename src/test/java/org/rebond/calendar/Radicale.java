package org.rebond.calendar;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Radicale (Debian package {@code radicale}) on a free loopback port, with htpasswd
 * authentication (plain), storage and configuration in a temporary folder. Tests using it skip
 * with a clear message where Radicale is not installed.
 */
public final class Radicale implements AutoCloseable {

    static final String PYTHON = "/usr/bin/python3";
    public static final String USER = "camille";
    public static final String PASSWORD = "s3cret-for-tests";

    private final Process process;
    private final int port;
    private final Path log;
    public final DavClient client;

    private Radicale(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.client = new DavClient(USER, () -> PASSWORD, Duration.ofSeconds(10), true, 16L << 20);
    }

    /** Skips the calling test, saying why, when {@code /usr/bin/python3 -c 'import radicale'} fails. */
    public static void assumeInstalled() {
        boolean installed;
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import radicale").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            installed = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            installed = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            installed = false;
        }
        assumeTrue(installed, "Radicale is not installed (" + PYTHON + " -c 'import radicale' failed): the CalDAV tests are skipped."
                + " Install it with: apt-get install -y radicale");
    }

    public static Radicale start(Path dir) throws IOException {
        assumeInstalled();
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Files.createDirectories(dir);
        Path users = dir.resolve("users");
        Files.writeString(users, USER + ":" + PASSWORD + "\n");
        Path config = dir.resolve("radicale.conf");
        Files.writeString(config, String.join("\n",
                "[server]", "hosts = 127.0.0.1:" + port,
                "[auth]", "type = htpasswd", "htpasswd_filename = " + users, "htpasswd_encryption = plain", "delay = 0",
                "[rights]", "type = owner_only",
                "[storage]", "filesystem_folder = " + dir.resolve("collections"),
                "[web]", "type = none",
                "[logging]", "level = warning", ""));
        Path log = dir.resolve("radicale.log");
        Process process = new ProcessBuilder(PYTHON, "-m", "radicale", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Radicale radicale = new Radicale(process, port, log);
        try {
            await("Radicale listening on 127.0.0.1:" + port).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        if (!process.isAlive()) throw new IllegalStateException("Radicale exited: " + Files.readString(log));
                        return radicale.listening();
                    });
        } catch (RuntimeException e) {
            radicale.close();
            throw e;
        }
        return radicale;
    }

    private boolean listening() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public URI root() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    public URI calendar(String name) {
        return root().resolve("/" + USER + "/" + name + "/");
    }

    /** Creates a calendar holding {@code components} (VEVENT, VTODO …). */
    public URI mkcalendar(String name, String... components) {
        StringBuilder comps = new StringBuilder();
        for (String c : components) comps.append("<C:comp name=\"").append(c).append("\"/>");
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><C:mkcalendar xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\">"
                + "<D:set><D:prop><D:displayname>" + name + "</D:displayname><C:supported-calendar-component-set>" + comps
                + "</C:supported-calendar-component-set></D:prop></D:set></C:mkcalendar>";
        DavClient.Response r = client.send("MKCALENDAR", calendar(name), Map.of("Content-Type", "application/xml"), body);
        if (r.status() != 201) throw new IllegalStateException("MKCALENDAR " + name + ": HTTP " + r.status() + " " + r.text());
        return calendar(name);
    }

    /** PUTs an object; returns its ETag. */
    public String put(String calendar, String file, String ics) {
        DavClient.Response r = client.send("PUT", calendar(calendar).resolve(file), Map.of("Content-Type", "text/calendar"), ics);
        if (!r.ok()) throw new IllegalStateException("PUT " + file + ": HTTP " + r.status() + " " + r.text());
        return r.header("etag").orElse("");
    }

    public void delete(String calendar, String file) {
        DavClient.Response r = client.send("DELETE", calendar(calendar).resolve(file), Map.of(), (byte[]) null);
        if (!r.ok()) throw new IllegalStateException("DELETE " + file + ": HTTP " + r.status());
    }

    public DavClient.Response get(URI href) {
        return client.send("GET", href, Map.of(), (byte[]) null);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
