package dev.drydock.http;

import static dev.drydock.http.Waits.await;
import static dev.drydock.http.Waits.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Clients that misbehave on purpose, on loopback, each beside a well-behaved client (a
 * {@link Bystander}) whose every answer must come within a second and be a success: a slow or
 * silent client may cost the server a connection and a little memory, never its workers.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileClientsTest {
    private static final Duration PROMPT = Duration.ofSeconds(1);
    private static final HttpLimits SHORT_DEADLINES = HttpLimits.DEFAULT.withDeadlines(Duration.ofSeconds(3),
            Duration.ofSeconds(3));

    @Test
    void slowBodiesCostAConnectionNotAWorker() throws Exception {
        try (ApiFixture api = ApiFixture.startAsInProduction(SHORT_DEADLINES.withWorkers(4, 8));
             Bystander bystander = new Bystander(api, api.user("ada"))) {
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 24; i++) {
                    Socket socket = connect(api);
                    socket.getOutputStream().write(head(api, "POST", "/v2/apps/", "Content-Length: 100\r\n"));
                    slow.add(socket);
                }
                // a byte of body every half second: each read arrives, the whole body never does
                long end = System.nanoTime() + Duration.ofSeconds(4).toNanos();
                while (System.nanoTime() < end) {
                    for (Socket socket : slow) {
                        trySend(socket, "{");
                    }
                    Thread.sleep(500);
                }
                int timedOut = 0;
                for (Socket socket : slow) {
                    // 408 once the body's time is up; 503 at once when the threads for slow peers are all taken
                    String answer = readToEnd(socket, Duration.ofSeconds(5));
                    assertThat(answer).matches("(?s)HTTP/1.1 (408|503) .*").contains("Connection: close");
                    if (answer.startsWith("HTTP/1.1 408")) {
                        assertThat(answer).contains("{\"detail\":\"The request body did not arrive in time.\"}");
                        timedOut++;
                    }
                }
                assertThat(timedOut).as("slow bodies that timed out").isGreaterThan(0);
            } finally {
                closeAll(slow);
            }
            bystander.assertPromptAndSuccessful();
        }
    }

    @Test
    void aBodyThatNeverComesIs408AndTheConnectionClosed() throws Exception {
        try (ApiFixture api = ApiFixture.startAsInProduction(SHORT_DEADLINES)) {
            for (String extra : List.of("Content-Length: 20\r\n", "Content-Length: 20\r\nExpect: 100-continue\r\n")) {
                try (Socket socket = connect(api)) {
                    socket.getOutputStream().write(head(api, "POST", "/v2/auth/login/", extra));
                    long start = System.nanoTime();
                    String answer = readToEnd(socket, Duration.ofSeconds(10));
                    assertThat(answer).as(extra).contains("408 Request Timeout")
                            .contains("The request body did not arrive in time.");
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
                }
            }
        }
    }

    @Test
    void connectIs404AndTheConnectionClosedAtOnce() throws Exception {
        try (ApiFixture api = ApiFixture.startAsInProduction(HttpLimits.DEFAULT);
             Socket socket = connect(api)) {
            socket.getOutputStream().write("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(readToEnd(socket, Duration.ofSeconds(3))).startsWith("HTTP/1.1 404")
                    .contains("Connection: close").endsWith("{\"detail\":\"Not found.\"}");
        }
    }

    @Test
    void unreadableHeadersAre400WithAJsonBody() throws Exception {
        try (ApiFixture api = ApiFixture.startAsInProduction(HttpLimits.DEFAULT)) {
            for (String headers : List.of("X-Big: " + "a".repeat(20_000) + "\r\n", "Content-Length: abc\r\n")) {
                try (Socket socket = connect(api)) {
                    socket.getOutputStream().write(("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    String answer = readToEnd(socket, Duration.ofSeconds(5));
                    assertThat(answer).startsWith("HTTP/1.1 400").contains("Content-Type: application/json")
                            .contains("DRYCC_API_VERSION: 2.3")
                            .endsWith("{\"detail\":\"The request line or its headers could not be read "
                                    + "(malformed, or too large).\"}");
                }
            }
        }
    }

    @Test
    void aChunkedBodyThatNeverStartsLosesItsConnection() throws Exception {
        try (ApiFixture api = ApiFixture.startAsInProduction(SHORT_DEADLINES);
             Socket socket = connect(api)) {
            socket.getOutputStream().write(head(api, "POST", "/v2/auth/login/", "Transfer-Encoding: chunked\r\n"));
            readToEnd(socket, Duration.ofSeconds(8));
        }
    }

    @Test
    void peersThatDoNotReadLoseTheirConnectionNotTheServer() throws Exception {
        try (ApiFixture api = ApiFixture.startAsInProduction(SHORT_DEADLINES)) {
            String token = api.user("ada");
            assertThat(api.post("/v2/apps/", token, ApiFixture.json("id", "big")).status()).isEqualTo(201);
            String value = "x".repeat(100_000);
            StringBuilder values = new StringBuilder("{\"values\":{");
            for (int i = 0; i < 6; i++) {
                values.append(i == 0 ? "" : ",").append("\"K").append(i).append("\":\"").append(value).append('"');
            }
            assertThat(api.post("/v2/apps/big/config/", token, values.append("}}").toString()).status())
                    .isEqualTo(201);
            try (Bystander bystander = new Bystander(api, token)) {
                List<Socket> silent = new ArrayList<>();
                try {
                    byte[] get = head(api, "GET", "/v2/apps/big/config/", "Authorization: token " + token + "\r\n");
                    for (int i = 0; i < 16; i++) {
                        Socket socket = new Socket();
                        socket.setReceiveBufferSize(4096);
                        socket.connect(new java.net.InetSocketAddress("127.0.0.1", api.api.port()));
                        OutputStream out = socket.getOutputStream();
                        for (int r = 0; r < 20; r++) {
                            out.write(get);
                        }
                        silent.add(socket);
                    }
                    Thread.sleep(6_000);
                    for (Socket socket : silent) {
                        String answers = readToEnd(socket, Duration.ofSeconds(10));
                        int served = answers.split("HTTP/1.1 200", -1).length - 1;
                        assertThat(served).as("answers before the server gave up on the peer").isLessThan(20);
                    }
                } finally {
                    closeAll(silent);
                }
                bystander.assertPromptAndSuccessful();
            }
        }
    }

    @Test
    void aFullQueueIs503WithRetryAfterAtOnce() throws Exception {
        try (ApiFixture api = ApiFixture.startAsInProduction(HttpLimits.DEFAULT.withWorkers(1, 1))) {
            String token = api.user("ada");
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch checking = new CountDownLatch(1);
            // a store that is slow to answer holds a worker (a deploy no longer does: it waits off the workers)
            api.whileCheckingReadiness = () -> {
                checking.countDown();
                await(release);
            };
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                // one request holds the only worker, a second waits in the queue of one
                Future<ApiFixture.Reply> held = pool.submit(() -> api.get("/readiness", null));
                assertThat(checking.await(10, TimeUnit.SECONDS)).isTrue();
                Future<ApiFixture.Reply> queued = pool.submit(() -> api.get("/healthz", null));
                Thread.sleep(300); // for the healthz to take the queue's one place

                long start = System.nanoTime();
                ApiFixture.Reply refused = api.get("/v2/auth/whoami", token);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPT);
                assertThat(refused.status()).isEqualTo(503);
                assertThat(refused.headers().firstValue("Retry-After")).contains("1");
                assertThat(refused.json().get("detail").asText()).isEqualTo("The server is busy; try again shortly.");

                release.countDown();
                assertThat(held.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
                assertThat(queued.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            } finally {
                release.countDown();
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aLoginFloodGets503sQuicklyWhileTokensKeepTheirLatency() throws Exception {
        try (ApiFixture api = ApiFixture.startAsInProduction(HttpLimits.DEFAULT);
             Bystander bystander = new Bystander(api, api.user("ada"))) {
            ExecutorService flood = Executors.newFixedThreadPool(50);
            ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
            try {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                List<Future<?>> clients = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    clients.add(flood.submit(() -> {
                        while (System.nanoTime() < end) {
                            HttpRequest login = HttpRequest.newBuilder(api.uri("/v2/auth/login/"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            ApiFixture.json("username", "ada", "password", ApiFixture.PASSWORD)))
                                    .build();
                            statuses.add(client.send(login, HttpResponse.BodyHandlers.discarding()).statusCode());
                        }
                        return null;
                    }));
                }
                for (Future<?> c : clients) {
                    c.get(60, TimeUnit.SECONDS);
                }
            } finally {
                flood.shutdownNow();
            }
            assertThat(statuses).as("logins answered").isNotEmpty().containsOnly(200, 503);
            assertThat(statuses).as("logins refused while the hashing slots were taken").contains(503);
            bystander.assertPromptAndSuccessful();
        }
    }

    @Test
    void connectionsPastTheCapAreClosedOnArrival() throws Exception {
        try (ApiFixture api = ApiFixture.startAsInProduction(HttpLimits.DEFAULT.withMaxConnections(16));
             Bystander bystander = new Bystander(api, api.user("ada"))) {
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 40; i++) {
                    held.add(connect(api));
                }
                int closed = 0;
                for (Socket socket : held) {
                    socket.setSoTimeout(300);
                    try {
                        if (socket.getInputStream().read() < 0) {
                            closed++;
                        }
                    } catch (SocketTimeoutException | java.net.SocketException stillOpenOrReset) {
                        closed += stillOpenOrReset instanceof java.net.SocketException ? 1 : 0;
                    }
                }
                // the bystander's connection is one of the 16
                assertThat(closed).as("connections closed on arrival").isBetween(40 - 15, 40);
                bystander.assertPromptAndSuccessful();
            } finally {
                closeAll(held);
            }
            // once they are gone, new connections are served again
            waitUntil(() -> api.get("/healthz", null).status() == 200);
        }
    }

    @Test
    void hugeBodiesAre413WithoutBeingRead() throws Exception {
        try (ApiFixture api = ApiFixture.startAsInProduction(SHORT_DEADLINES)) {
            try (Socket socket = connect(api)) {
                socket.getOutputStream().write(head(api, "POST", "/v2/auth/login/", "Content-Length: 10000000000\r\n"));
                assertThat(readToEnd(socket, Duration.ofSeconds(5))).startsWith("HTTP/1.1 413")
                        .contains("Request body is larger than 1048576 bytes.");
            }
            try (Socket socket = connect(api)) {
                OutputStream out = socket.getOutputStream();
                out.write(head(api, "POST", "/v2/auth/login/", "Transfer-Encoding: chunked\r\n"));
                byte[] chunk = ("10000\r\n" + "a".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    for (int i = 0; i < 64; i++) {
                        out.write(chunk);
                    }
                } catch (IOException closedByTheServer) {
                    // expected once the server has answered
                }
                assertThat(readToEnd(socket, Duration.ofSeconds(5))).startsWith("HTTP/1.1 413");
            }
        }
    }

    @Test
    void deeplyNestedJsonIs400() throws Exception {
        try (ApiFixture api = ApiFixture.startAsInProduction(HttpLimits.DEFAULT)) {
            String token = api.user("ada");
            String deep = "[".repeat(100_000) + "]".repeat(100_000);
            ApiFixture.Reply reply = api.post("/v2/apps/", token, "{\"id\":" + deep + "}");
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** healthz and whoami in turn, on a connection of its own, until closed; every answer timed. */
    static final class Bystander implements AutoCloseable {
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicLong slowestNanos = new AtomicLong();
        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final AtomicLong answers = new AtomicLong();
        private final Thread thread;

        Bystander(ApiFixture api, String token) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            // its connection is made before any attack starts, as a client already at work has one
            try {
                int status = client.send(HttpRequest.newBuilder(api.uri("/healthz")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                assertThat(status).isEqualTo(200);
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
            thread = new Thread(() -> {
                while (!stop.get()) {
                    for (String path : List.of("/healthz", "/v2/auth/whoami")) {
                        HttpRequest request = HttpRequest.newBuilder(api.uri(path)).timeout(Duration.ofSeconds(10))
                                .header("Authorization", "token " + token).build();
                        long start = System.nanoTime();
                        try {
                            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                            if (status != 200) {
                                failures.add(path + " answered " + status);
                            }
                        } catch (IOException e) {
                            failures.add(path + ": " + e);
                        } catch (InterruptedException e) {
                            return;
                        }
                        slowestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
                        answers.incrementAndGet();
                    }
                    sleep(50);
                }
            }, "bystander");
            thread.start();
        }

        void assertPromptAndSuccessful() throws InterruptedException {
            stop.set(true);
            thread.join(15_000);
            Duration slowest = Duration.ofNanos(slowestNanos.get());
            System.out.printf("bystander beside %s: %d answers, slowest %d ms%n", attack(), answers.get(),
                    slowest.toMillis());
            assertThat(failures).as("the well-behaved client's failures").isEmpty();
            assertThat(answers.get()).as("the well-behaved client's answers").isGreaterThan(4);
            assertThat(slowest).as("the well-behaved client's slowest answer").isLessThan(PROMPT);
        }

        private static String attack() {
            return StackWalker.getInstance().walk(frames -> frames
                    .map(StackWalker.StackFrame::getMethodName)
                    .filter(name -> !name.equals("assertPromptAndSuccessful") && !name.equals("attack")
                            && !name.startsWith("lambda$"))
                    .findFirst().orElse("?"));
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            thread.join(15_000);
        }
    }

    private static Socket connect(ApiFixture api) throws IOException {
        return new Socket("127.0.0.1", api.api.port());
    }

    private static byte[] head(ApiFixture api, String method, String target, String extra) {
        return (method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + api.api.port()
                + "\r\nContent-Type: application/json\r\n" + extra + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static void trySend(Socket socket, String text) {
        try {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException closedByTheServer) {
            // the server may close it once it has answered
        }
    }

    /** What the server sent until it closed the connection; fails if it keeps it open. */
    private static String readToEnd(Socket socket, Duration within) throws IOException {
        socket.setSoTimeout((int) within.toMillis());
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[65536];
        long end = System.nanoTime() + within.toNanos();
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
                if (System.nanoTime() > end) {
                    throw new AssertionError("the server kept the connection open past " + within);
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open past " + within + "; it sent: "
                    + all.toString(StandardCharsets.ISO_8859_1).lines().findFirst().orElse("nothing"));
        } catch (java.net.SocketException reset) {
            // closed with data unread on our side: as good as closed
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    private static void closeAll(List<Socket> sockets) {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }


    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
