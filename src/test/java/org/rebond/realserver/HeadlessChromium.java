package org.rebond.realserver;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Renders a local HTML file in headless Chromium (Debian package {@code chromium}) and proves that
 * nothing was loaded from outside.
 *
 * <p>Each run gets a profile of its own in a temporary folder and is waited for with a bounded
 * timeout (never slept on). The page may reach nothing: Chromium's proxy is a loopback socket this
 * fixture opens and that answers nobody ({@code --proxy-server}, with {@code <-loopback>} so that
 * even loopback addresses go through it), and every host name resolves to nothing
 * ({@code --host-resolver-rules="MAP * ~NOTFOUND"}, the proxy's own 127.0.0.1 excepted, or the
 * proxy could not be reached and would prove nothing). Every request the page makes, for an image,
 * a style sheet, a font or a script, whichever its host, therefore arrives at that socket, which
 * records its first line: {@link Rendering#requests()} must be empty for a page that loads nothing.
 *
 * <p>Chromium makes a few requests of its own, whatever the page: it asks update.googleapis.com
 * for a component and accounts.google.com for the signed-in accounts, which no command-line flag
 * turns off in this version. Those hosts ({@link #CHROMIUM_OWN_HOSTS}) bypass the proxy and, like
 * every host, resolve to nothing. A page that loaded something from them is still caught by
 * {@link #externalReferences}, the static check the tests run on the same HTML.
 *
 * <pre>{@code
 * HeadlessChromium.assumeAvailable();
 * HeadlessChromium.Rendering r = HeadlessChromium.render(htmlFile, pngFile, 800, 3000);
 * assertThat(r.requests()).isEmpty();
 * assertThat(r.dom()).contains("Jeanne Roe");
 * assertThat(HeadlessChromium.externalReferences(html)).isEmpty();
 * }</pre>
 */
public final class HeadlessChromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");

    /** How long one run of Chromium may take, start to exit, on a loaded machine. */
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    /** Hosts Chromium itself calls on start (component updates, the account list), sent direct to fail at DNS. */
    static final List<String> CHROMIUM_OWN_HOSTS = List.of("accounts.google.com", "update.googleapis.com", "clients2.google.com",
            "redirector.gvt1.com");

    private static final List<String> QUIET = List.of("--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--disable-extensions", "--no-default-browser-check", "--disable-features=NetworkTimeServiceQuerying",
            "--force-device-scale-factor=1");

    private HeadlessChromium() {}

    /** Whether Chromium is installed. */
    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /** Skips the calling test, saying why, when Chromium is not installed. */
    public static void assumeAvailable() {
        Assumptions.assumeTrue(available(), "Chromium is not installed (apt-get install chromium; .ci/run does it)");
    }

    /**
     * What Chromium made of a page: the screenshot, the DOM after loading, and the first line of
     * each request that reached the proxy in either run (none, for a page that loads nothing).
     */
    public record Rendering(Path screenshot, String dom, List<String> requests) {}

    /**
     * Renders {@code html} in a window of {@code width} × {@code height} pixels: one run takes the
     * screenshot into {@code png}, a second dumps the DOM.
     */
    public static Rendering render(Path html, Path png, int width, int height) throws IOException, InterruptedException {
        List<String> requests = new ArrayList<>();
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.deleteIfExists(png);
        Run shot = run(html, width, height, "--screenshot=" + png.toAbsolutePath());
        requests.addAll(shot.requests());
        if (!Files.isRegularFile(png)) {
            throw new AssertionError("Chromium wrote no screenshot at " + png + "; it said:\n" + shot.stderrTail());
        }
        Run dom = run(html, width, height, "--dump-dom");
        requests.addAll(dom.requests());
        return new Rendering(png, dom.stdout(), List.copyOf(requests));
    }

    private record Run(String stdout, String stderrTail, List<String> requests) {}

    private static Run run(Path html, int width, int height, String action) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("rebond-chromium-");
        try (ProxyTrap proxy = new ProxyTrap()) {
            List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                    "--hide-scrollbars", "--no-first-run", "--user-data-dir=" + dir.resolve("profile"),
                    "--window-size=" + width + "," + height,
                    "--proxy-server=http://127.0.0.1:" + proxy.port(),
                    "--proxy-bypass-list=<-loopback>;" + String.join(";", CHROMIUM_OWN_HOSTS),
                    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"));
            command.addAll(QUIET);
            command.add(action);
            command.add(html.toAbsolutePath().toUri().toString());
            Path out = dir.resolve("stdout");
            Path err = dir.resolve("stderr");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            Map<String, String> env = builder.environment();
            env.put("HOME", dir.toString()); // Chromium's caches and NSS database, away from the user's home
            env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
            env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("Chromium did not finish within " + TIMEOUT + ": " + String.join(" ", command) + "\n" + tail(err));
            }
            List<String> requests = proxy.stop();
            if (process.exitValue() != 0) {
                throw new AssertionError("Chromium exited with " + process.exitValue() + ": " + String.join(" ", command) + "\n" + tail(err));
            }
            return new Run(Files.readString(out, StandardCharsets.UTF_8), tail(err), requests);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** The last lines of Chromium's standard error, without its complaints about the missing D-Bus. */
    private static String tail(Path err) throws IOException {
        List<String> lines = new String(Files.readAllBytes(err), StandardCharsets.UTF_8).lines().filter(l -> !l.contains("dbus")).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is not worth failing a test for
        }
    }

    /**
     * A loopback socket given to Chromium as its proxy: it accepts each connection, keeps the
     * request's first line, and closes it without an answer, so the request fails at once.
     */
    private static final class ProxyTrap implements AutoCloseable {
        private final ServerSocketChannel server;
        private final Selector selector;
        private final Thread thread;
        private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
        private volatile boolean stopping;

        ProxyTrap() throws IOException {
            server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            server.configureBlocking(false);
            selector = Selector.open();
            server.register(selector, SelectionKey.OP_ACCEPT);
            thread = new Thread(this::serve, "chromium-proxy-trap");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.socket().getLocalPort();
        }

        private void serve() {
            try {
                while (!stopping) {
                    selector.select(1_000);
                    selector.selectedKeys().clear();
                    acceptWaiting();
                }
            } catch (IOException e) {
                requests.add("(the proxy socket failed: " + e + ")");
            } catch (ClosedSelectorException e) {
                // closed after a timeout: the run has failed already
            }
        }

        /** Takes every connection the system has accepted for the socket, without waiting for more. */
        private void acceptWaiting() throws IOException {
            SocketChannel connection;
            while ((connection = server.accept()) != null) {
                try (SocketChannel c = connection) {
                    requests.add(firstLine(c));
                }
            }
        }

        private static String firstLine(SocketChannel c) {
            try {
                c.socket().setSoTimeout(2_000);
                InputStream in = c.socket().getInputStream();
                StringBuilder line = new StringBuilder();
                int b;
                while (line.length() < 300 && (b = in.read()) >= 0 && b != '\n') {
                    line.append((char) b);
                }
                return line.isEmpty() ? "(a connection that sent nothing)" : line.toString().strip();
            } catch (IOException e) {
                return "(a connection that sent nothing readable: " + e.getMessage() + ")";
            }
        }

        /** Stops serving, takes the connections still waiting (Chromium has exited), and gives the first lines of all. */
        List<String> stop() throws InterruptedException, IOException {
            stopping = true;
            selector.wakeup();
            thread.join(TimeUnit.SECONDS.toMillis(10));
            acceptWaiting();
            return List.copyOf(requests);
        }

        @Override
        public void close() throws IOException {
            stopping = true;
            selector.wakeup();
            selector.close();
            server.close();
        }
    }

    private static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+))");
    private static final Pattern REMOTE = Pattern.compile("(?i)^\\s*(?:https?:|ftp:|//|\\\\\\\\)");
    private static final Pattern STYLE_BLOCK = Pattern.compile("(?is)<style\\b[^>]*>(.*?)</style\\s*>");
    private static final Pattern CSS_REMOTE_URL = Pattern.compile("(?i)url\\(\\s*['\"]?\\s*(?:https?:|ftp:|//)[^)]*\\)");
    private static final Pattern CSS_IMPORT = Pattern.compile("(?i)@import\\b[^;]*;?");

    /**
     * What in the HTML would load something from outside, each as it is written: an attribute
     * whose value is an http(s), ftp or protocol-relative ({@code //}) address on any element
     * but a link the user clicks ({@code <a href>}, {@code <area href>}), a {@code srcset}
     * candidate of that kind, a CSS {@code url()} to such an address in a style sheet or an
     * attribute, an {@code @import} in a style sheet or a style attribute, and a
     * {@code <meta http-equiv=refresh>}. A
     * {@code mailto:}, {@code cid:} or {@code data:} address loads nothing and passes.
     */
    public static List<String> externalReferences(String html) {
        List<String> found = new ArrayList<>();
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String element = tag.group(1).toLowerCase(Locale.ROOT);
            Matcher attribute = ATTRIBUTE.matcher(tag.group(2));
            while (attribute.find()) {
                String name = attribute.group(1).toLowerCase(Locale.ROOT);
                String value = attribute.group(2) != null ? attribute.group(2)
                        : attribute.group(3) != null ? attribute.group(3) : attribute.group(4);
                boolean clickedLink = (element.equals("a") || element.equals("area")) && name.equals("href");
                String written = "<" + element + " " + name + "=\"" + value + "\">";
                if (name.equals("srcset") || name.equals("imagesrcset")) {
                    for (String candidate : value.split(",")) {
                        if (REMOTE.matcher(candidate).find()) {
                            found.add(written);
                        }
                    }
                } else if (!clickedLink && REMOTE.matcher(value).find()) {
                    found.add(written);
                } else if (element.equals("meta") && name.equals("http-equiv") && value.strip().equalsIgnoreCase("refresh")) {
                    found.add(written);
                }
                if (CSS_REMOTE_URL.matcher(value).find() || (name.equals("style") && CSS_IMPORT.matcher(value).find())) {
                    found.add(written); // style="background: url(https://…)", fill="url(//…)", style="@import …"
                }
            }
        }
        Matcher style = STYLE_BLOCK.matcher(html);
        while (style.find()) {
            addAll(found, CSS_REMOTE_URL.matcher(style.group(1)), "<style>: ");
            addAll(found, CSS_IMPORT.matcher(style.group(1)), "<style>: ");
        }
        return found.stream().distinct().toList();
    }

    private static void addAll(List<String> found, Matcher matcher, String where) {
        while (matcher.find()) {
            found.add(where + matcher.group());
        }
    }

    /** How many different colours the image has: a blank page has one, antialiased text dozens. */
    public static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    /** The number of rows down to the last one that differs from the background (the top-left pixel). */
    public static int contentHeight(BufferedImage image) {
        int background = image.getRGB(0, 0);
        for (int y = image.getHeight() - 1; y >= 0; y--) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) != background) {
                    return y + 1;
                }
            }
        }
        return 0;
    }
}
