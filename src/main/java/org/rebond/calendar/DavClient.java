package org.rebond.calendar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The HTTP side of CalDAV and ICS URLs on {@link HttpClient}: basic authentication with a password
 * read afresh for each request (never logged), timeouts on connect and on every request, TLS
 * verified by the JDK, plain {@code http://} only to loopback when allowed, response bodies capped,
 * and redirects followed only on the same scheme, host and port.
 */
public final class DavClient {

    private static final int MAX_REDIRECTS = 3;

    /** One response: status, the headers rebond uses, the (capped) body and the URL that answered. */
    public record Response(int status, Map<String, String> headers, byte[] body, URI uri) {
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http;
    private final String username;
    private final Supplier<String> password;
    private final Duration timeout;
    private final boolean allowPlaintextOnLoopback;
    private final long maxBytes;
    private final boolean secretUrls;

    /**
     * @param username  empty for no authentication
     * @param password  read at each request; never kept, never logged
     * @param maxBytes  the largest response body read; a larger one fails the request
     */
    public DavClient(String username, Supplier<String> password, Duration timeout, boolean allowPlaintextOnLoopback, long maxBytes) {
        this(username, password, timeout, allowPlaintextOnLoopback, maxBytes, false);
    }

    /** @param secretUrls the URLs hold a secret (an ICS "secret address"): messages show only their host */
    public DavClient(String username, Supplier<String> password, Duration timeout, boolean allowPlaintextOnLoopback, long maxBytes,
                     boolean secretUrls) {
        this.secretUrls = secretUrls;
        this.username = username == null ? "" : username;
        this.password = password;
        this.timeout = timeout;
        this.allowPlaintextOnLoopback = allowPlaintextOnLoopback;
        this.maxBytes = maxBytes;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Refuses a URL rebond must not open: not http(s), or plain http to anything but loopback (DESIGN I8). */
    public void checkAllowed(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new CalendarSourceException(shown(uri) + " is not an http(s) URL");
        }
        if (scheme.equals("http")) {
            if (!isLoopback(uri.getHost())) {
                throw new CalendarSourceException("refusing plain http:// to " + uri.getHost()
                        + ": the password and your calendar would cross the network in clear text; use https://");
            }
            if (!allowPlaintextOnLoopback) {
                throw new CalendarSourceException("plain http:// to " + uri.getHost() + " also needs allow_plaintext_on_loopback: true"
                        + " on this calendar, to say it is on purpose");
            }
        }
    }

    /** A URL as it may appear in a message or a log line. */
    public String shown(URI uri) {
        if (!secretUrls) return uri.toString();
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + "/…";
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        return h.equals("localhost") || h.endsWith(".localhost") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")
                || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    public Response send(String method, URI uri, Map<String, String> headers, String body) {
        return send(method, uri, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    public Response send(String method, URI uri, Map<String, String> headers, byte[] body) {
        URI target = uri;
        for (int hop = 0; ; hop++) {
            checkAllowed(target);
            Response response = once(method, target, headers, body);
            if (!(response.status() == 301 || response.status() == 302 || response.status() == 307 || response.status() == 308)) {
                return response;
            }
            String location = response.header("location").orElse("");
            if (location.isEmpty() || hop == MAX_REDIRECTS) {
                throw new CalendarSourceException(method + " " + shown(target) + " was redirected too often or without a Location");
            }
            URI next = target.resolve(location);
            if (!sameOrigin(target, next)) {
                throw new CalendarSourceException(shown(target) + " redirects to another server (" + next.getScheme() + "://" + next.getHost()
                        + "); rebond does not follow it. Put the final URL in the configuration if you trust it");
            }
            target = next;
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(String.valueOf(b.getScheme())) && a.getHost().equalsIgnoreCase(String.valueOf(b.getHost()))
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    /**
     * One exchange, the body included, within twice the timeout (the client's own timeout stops at
     * the headers); a body larger than the cap is cut short and reported.
     */
    private HttpResponse<byte[]> exchange(HttpRequest request, URI uri) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> future =
                http.sendAsync(request, info -> new CappedBody(maxBytes));
        try {
            return future.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + timeout.multipliedBy(2).toSeconds() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IOException(e.getCause());
        }
    }

    /** Collects a body up to {@code max + 1} bytes, then stops reading. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long max;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(long max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) return;
            for (ByteBuffer b : buffers) {
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
            if (out.size() > max) {
                subscription.cancel();
                result.complete(out.toByteArray());
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }

    private Response once(String method, URI uri, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        if (!username.isEmpty()) {
            String secret = password.get();
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<byte[]> response;
            try {
                response = exchange(request.build(), uri);
            } catch (IOException closed) {
                if (closed instanceof HttpTimeoutException) throw closed;
                // A kept-alive connection the server had closed meanwhile (an HTTP/1.0 server, an idle
                // timeout): every request rebond makes is safe to send again (reads, conditional writes).
                response = exchange(request.build(), uri);
            }
            byte[] bytes = response.body();
            if (bytes.length > maxBytes) {
                throw new CalendarSourceException(method + " " + shown(uri) + ": the answer is larger than " + maxBytes + " bytes; not read");
            }
            Map<String, String> kept = new HashMap<>();
            response.headers().map().forEach((k, v) -> {
                if (!v.isEmpty()) kept.put(k.toLowerCase(Locale.ROOT), v.get(0));
            });
            if (response.statusCode() == 401) {
                throw new CalendarSourceException(uri.getHost() + " refused the login of " + (username.isEmpty() ? "(no user)" : username)
                        + " (HTTP 401); check the calendar's username and password source");
            }
            return new Response(response.statusCode(), Map.copyOf(kept), bytes, uri);
        } catch (HttpTimeoutException e) {
            throw new CalendarSourceException(method + " " + shown(uri) + " timed out after " + timeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new CalendarSourceException(method + " " + shown(uri) + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CalendarSourceException(method + " " + shown(uri) + " interrupted", e);
        }
    }
}
