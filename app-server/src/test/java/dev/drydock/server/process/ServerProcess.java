package dev.drydock.server.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The standalone server jar ({@code java -jar drydock-server.jar}) in an OS process of its own,
 * its output appended to a log file so that a failing test can show it.
 */
final class ServerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(45);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    private static final int START_ATTEMPTS = 3;

    private final Process process;
    private final URI uri;
    private final Path log;
    private final long logStart;

    private ServerProcess(Process process, URI uri, Path log, long logStart) {
        this.process = process;
        this.uri = uri;
        this.log = log;
        this.logStart = logStart;
    }

    /** The shaded server jar, which failsafe names in the system property drydock.server.jar. */
    static Path jar() {
        String path = System.getProperty("drydock.server.jar");
        assertThat(path).as("system property drydock.server.jar (set by failsafe in app-server/pom.xml)")
                .isNotBlank();
        Path jar = Path.of(path);
        assertThat(jar).as("the shaded server jar, made in the package phase").isRegularFile();
        return jar;
    }

    /** A fresh log file for a test's server processes, beside the jar. */
    static Path freshLog(String name) throws IOException {
        Path log = jar().toAbsolutePath().getParent().resolve("server-process").resolve(name + ".log");
        Files.deleteIfExists(log);
        return log;
    }

    /**
     * Starts the jar in {@code workDir} on a free port with the given storage flags and environment,
     * and returns once it serves {@code /healthz} and has logged that it listens.
     */
    static ServerProcess start(Path jar, Path workDir, Path log, List<String> args, Map<String, String> env)
            throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            ServerProcess server = launch(jar, workDir, log, args, env);
            try {
                server.awaitReady();
                return server;
            } catch (AssertionError | RuntimeException | InterruptedException e) {
                server.close();
                // the free port may be taken by someone else between our probe and the child's bind
                if (attempt < START_ATTEMPTS && server.output().contains("Address already in use")) {
                    continue;
                }
                throw e;
            }
        }
    }

    private static ServerProcess launch(Path jar, Path workDir, Path log, List<String> args, Map<String, String> env)
            throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString(), "--port", Integer.toString(port)));
        command.addAll(args);
        Files.createDirectories(log.getParent());
        Files.writeString(log, "\n=== " + Instant.now() + " " + String.join(" ", command) + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        long logStart = Files.size(log);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // the child sees only what the test gives it, not settings from the shell that runs Maven
        builder.environment().keySet().removeIf(name -> name.startsWith("DRYDOCK_") || name.startsWith("DRYCC_")
                || name.equals("PORT") || name.equals("REGISTRATION_MODE") || name.equals("RESERVED_NAMES"));
        builder.environment().putAll(env);
        return new ServerProcess(builder.start(), URI.create("http://127.0.0.1:" + port + "/"), log, logStart);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(uri.resolve("healthz")).timeout(Duration.ofSeconds(5)).build();
        String listening = "Drydock listening on " + uri + " (Drycc controller API 2.3)";
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as(() -> "the server exited while starting (exit code "
                    + process.exitValue() + ")\n" + tail()).isTrue();
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && output().contains(listening)) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        throw new AssertionError("the server did not serve /healthz and log \"" + listening + "\" within "
                + START_TIMEOUT.toSeconds() + " s\n" + tail());
    }

    URI uri() {
        return uri;
    }

    long pid() {
        return process.pid();
    }

    /** kill -9: no shutdown hook runs, nothing is flushed or closed. Returns once the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .as(() -> "the server survived SIGKILL\n" + tail()).isTrue();
        assertThat(ProcessHandle.of(process.pid()).filter(ProcessHandle::isAlive)).as("process " + process.pid())
                .isEmpty();
        // 128 + 9: it died of the signal, not of a shutdown of its own
        assertThat(process.exitValue()).as(() -> "exit code after SIGKILL\n" + tail()).isEqualTo(137);
    }

    /** SIGTERM, as a service manager stops a server. Returns once the process has exited. */
    void terminate() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .as(() -> "the server did not exit within " + STOP_TIMEOUT.toSeconds() + " s of SIGTERM\n" + tail())
                .isTrue();
    }

    /** What this process has written so far (not earlier processes in the same log file). */
    String output() {
        try {
            byte[] all = Files.readAllBytes(log);
            return new String(all, (int) Math.min(logStart, all.length), (int) Math.max(all.length - logStart, 0),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The end of the log file, earlier processes included, for failure messages. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "--- last lines of " + log.toAbsolutePath() + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(could not read " + log + ": " + e + ")";
        }
    }

    /** Kills the process if it still runs; for clean-up after any outcome. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
