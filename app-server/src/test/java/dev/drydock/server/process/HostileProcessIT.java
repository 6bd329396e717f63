package dev.drydock.server.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The server jar as a process, under clients that abort and a stop that comes mid-request. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HostileProcessIT {
    private static final int ABORTS = 10_000;
    // a start-up banner and a few lines at most: nothing per aborted upload
    private static final int LOG_BOUND = 16 * 1024;

    @TempDir
    Path workDir;
    private Path jar;
    private Path log;
    private final List<ServerProcess> started = new ArrayList<>();

    @BeforeEach
    void findJar(TestInfo test) throws IOException {
        jar = ServerProcess.jar();
        log = ServerProcess.freshLog(test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void killLeftovers() {
        started.forEach(ServerProcess::close);
    }

    @Test
    void tenThousandAbortedUploadsLeaveTheLogAsItWas() throws Exception {
        ServerProcess server = start();
        int port = server.uri().getPort();
        long before = server.output().length();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> aborters = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                aborters.add(pool.submit(() -> {
                    for (int i = 0; i < ABORTS / 8; i++) {
                        // half a body, then gone: with and without the server having started on it
                        try (Socket socket = new Socket("127.0.0.1", port)) {
                            socket.setSoLinger(true, 0);
                            socket.getOutputStream().write(upload(port, 1000, 500));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : aborters) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(get(port, "/healthz")).startsWith("HTTP/1.1 200");
        String written = server.output().substring((int) before);
        System.out.printf("log after %d aborted uploads: %d bytes%n", ABORTS, written.length());
        assertThat(written.length()).as(() -> "bytes logged for the aborted uploads:\n"
                + written.substring(0, Math.min(written.length(), 3000))).isLessThan(LOG_BOUND);
    }

    @Test
    void sigtermLetsARequestInFlightFinish() throws Exception {
        ServerProcess server = start();
        int port = server.uri().getPort();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            String body = "{\"username\":\"ada\",\"password\":\"s3cret-pass-word\"}";
            OutputStream out = socket.getOutputStream();
            byte[] request = upload(port, body.length(), 0);
            out.write(request);
            out.write(body.substring(0, 10).getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(300);

            ProcessHandle process = ProcessHandle.of(server.pid()).orElseThrow();
            process.destroy(); // SIGTERM, with the request half sent
            Thread.sleep(300);
            out.write(body.substring(10).getBytes(StandardCharsets.UTF_8));
            out.flush();

            socket.setSoTimeout(20_000);
            String answer = readAll(socket.getInputStream());
            assertThat(answer).as(server::tail).startsWith("HTTP/1.1 201");
            assertThat(process.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        }
    }

    private ServerProcess start() throws Exception {
        ServerProcess server = ServerProcess.start(jar, workDir, log, List.of("--storage", "memory"), Map.of());
        started.add(server);
        return server;
    }

    /** POST /v2/auth/register/ headers announcing {@code length} bytes, then {@code sent} of them. */
    private static byte[] upload(int port, int length, int sent) {
        String head = "POST /v2/auth/register/ HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n";
        return (head + "{".repeat(sent)).getBytes(StandardCharsets.US_ASCII);
    }

    private static String get(int port, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return readAll(socket.getInputStream());
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
                if (all.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n{")
                        && all.toString(StandardCharsets.ISO_8859_1).endsWith("}")) {
                    break;
                }
            }
        } catch (java.net.SocketException closed) {
            // what arrived is the answer
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }
}
