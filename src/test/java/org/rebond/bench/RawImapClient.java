package org.rebond.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The bound: a minimal IMAP client on a plain socket, no library. It sends LOGIN, SELECT and one
 * {@code UID FETCH} per folder and reads every response, literals included ({@code {n}} then n
 * bytes), so its time is what the server and the wire cost, with no client work to speak of.
 * A second instance can wait in IDLE and report each untagged EXISTS with its arrival time.
 */
public final class RawImapClient implements Closeable {

    /** What one UID FETCH returned. */
    public record FetchResult(int messages, long bytes, long lastUid) {}

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int tag;

    public RawImapClient(String host, int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 10_000);
        socket.setSoTimeout(120_000);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        out = socket.getOutputStream();
        readLine(); // greeting
    }

    public void login(String user, String password) throws IOException {
        command("LOGIN " + quoted(user) + " " + quoted(password), line -> { });
    }

    /** SELECT (or EXAMINE when {@code readOnly}); returns the EXISTS count. */
    public int select(String folder, boolean readOnly) throws IOException {
        int[] exists = {0};
        command((readOnly ? "EXAMINE " : "SELECT ") + quoted(folder), line -> {
            if (line.startsWith("* ") && line.endsWith(" EXISTS")) {
                exists[0] = Integer.parseInt(line.substring(2, line.length() - " EXISTS".length()));
            }
        });
        return exists[0];
    }

    /**
     * {@code UID FETCH 1:* (UID RFC822.SIZE BODYSTRUCTURE BODY.PEEK[HEADER.FIELDS (...)])}: the
     * items the daemon's scan asks for.
     */
    public FetchResult fetchScanItems(List<String> headers) throws IOException {
        long[] counters = new long[3];
        String request = "UID FETCH 1:* (UID RFC822.SIZE BODYSTRUCTURE BODY.PEEK[HEADER.FIELDS (" + String.join(" ", headers) + ")])";
        String tagged = send(request);
        while (true) {
            byte[] response = readResponse();
            String line = new String(response, StandardCharsets.ISO_8859_1);
            counters[1] += response.length;
            if (line.startsWith(tagged + " ")) {
                if (!line.startsWith(tagged + " OK")) {
                    throw new IOException("server refused " + request + ": " + line);
                }
                return new FetchResult((int) counters[0], counters[1], counters[2]);
            }
            if (line.startsWith("* ") && line.contains(" FETCH ")) {
                counters[0]++;
                int at = line.indexOf("UID ");
                if (at > 0) {
                    int end = at + 4;
                    while (end < line.length() && Character.isDigit(line.charAt(end))) {
                        end++;
                    }
                    counters[2] = Math.max(counters[2], Long.parseLong(line.substring(at + 4, end)));
                }
            }
        }
    }

    /**
     * Enters IDLE and calls {@code onExists} with the count and {@link System#nanoTime()} of each
     * untagged EXISTS, until {@code stop} is called from another thread (DONE).
     */
    public void idle(ExistsListener onExists) throws IOException {
        String tagged = send("IDLE");
        while (true) {
            String line = readLine();
            long now = System.nanoTime();
            if (line.startsWith(tagged + " ")) {
                return;
            }
            if (line.startsWith("* ") && line.endsWith(" EXISTS")) {
                onExists.exists(Integer.parseInt(line.substring(2, line.length() - " EXISTS".length())), now);
            }
        }
    }

    /** Ends IDLE (safe to call from another thread while {@link #idle} reads). */
    public void done() throws IOException {
        synchronized (out) {
            out.write("DONE\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    /** Told of an untagged EXISTS. */
    @FunctionalInterface
    public interface ExistsListener {
        void exists(int count, long nanoTime);
    }

    @Override
    public void close() throws IOException {
        try {
            command("LOGOUT", line -> { });
        } catch (IOException ignored) {
            // closing anyway
        } finally {
            socket.close();
        }
    }

    private void command(String command, Consumer<String> untagged) throws IOException {
        String tagged = send(command);
        while (true) {
            String line = new String(readResponse(), StandardCharsets.UTF_8);
            if (line.startsWith(tagged + " ")) {
                if (!line.startsWith(tagged + " OK")) {
                    throw new IOException("server refused " + command.split(" ")[0] + ": " + line);
                }
                return;
            }
            untagged.accept(line);
        }
    }

    private String send(String command) throws IOException {
        String tagged = "b" + (++tag);
        synchronized (out) {
            out.write((tagged + " " + command + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        return tagged;
    }

    /** One response: a line, with every literal it announces read in full and kept inline. */
    private byte[] readResponse() throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream(256);
        while (true) {
            byte[] line = readLineBytes();
            response.write(line);
            int length = literalLength(line);
            if (length < 0) {
                return response.toByteArray();
            }
            response.write(in.readNBytes(length));
            if (response.size() > 64 << 20) {
                throw new IOException("response larger than 64 MB");
            }
        }
    }

    /** The n of a line ending in {@code {n}} (or {@code {n+}}), -1 when it announces no literal. */
    static int literalLength(byte[] line) {
        int end = line.length;
        if (end < 3 || line[end - 1] != '}') {
            return -1;
        }
        int i = end - 2;
        if (line[i] == '+') {
            i--;
        }
        int digitsEnd = i + 1;
        while (i >= 0 && line[i] >= '0' && line[i] <= '9') {
            i--;
        }
        if (i < 0 || line[i] != '{' || i + 1 == digitsEnd) {
            return -1;
        }
        return Integer.parseInt(new String(line, i + 1, digitsEnd - i - 1, StandardCharsets.US_ASCII));
    }

    private String readLine() throws IOException {
        return new String(readLineBytes(), StandardCharsets.UTF_8);
    }

    /** A line without its CRLF. */
    private byte[] readLineBytes() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed by the server");
            }
            if (b == '\n' && previous == '\r') {
                byte[] bytes = line.toByteArray();
                return Arrays.copyOf(bytes, bytes.length - 1);
            }
            line.write(b);
            previous = b;
        }
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
