package dev.drydock.server.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator sees from the server jar's command line: help, version, and each way to start it wrong. */
class CommandLineIT {
    @TempDir
    Path work;

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", ServerProcess.jar().toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("DRYDOCK_") || name.startsWith("DRYCC_")
                || name.equals("PORT") || name.startsWith("KUBE"));
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the server did not exit: " + Files.readString(out));
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryFlagAndEveryVariableTheServerReadsWithItsDefault() throws Exception {
        Run help = run("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.err()).isEmpty();
        // every variable the configuration reads, as its source names them
        String source = Files.readString(Path.of("src/main/java/dev/drydock/server/ServerConfig.java"));
        Matcher names = Pattern.compile("\"((?:DRYDOCK|DRYCC)_[A-Z_]+|KUBECONFIG|PORT|REGISTRATION_MODE|"
                + "RESERVED_NAMES)\"").matcher(source);
        List<String> variables = new ArrayList<>();
        while (names.find()) {
            variables.add(names.group(1));
        }
        assertThat(variables).contains("DRYDOCK_HOST", "DRYDOCK_SCHEDULER", "DRYCC_DEPLOY_TIMEOUT");
        assertThat(help.out()).contains(variables);
        assertThat(help.out()).contains("--host", "--port", "--storage", "--data-dir", "--database-url",
                "--scheduler", "--platform-domain", "--max-processes-per-type", "--max-config-bytes",
                "--max-config-keys", "--max-page-size", "--metrics-port", "--version", "127.0.0.1", "8000", "120");
    }

    @Test
    void versionSaysWhichDrydockAndWhichApi() throws Exception {
        Run version = run("--version");

        assertThat(version.exitCode()).isZero();
        assertThat(version.out().strip()).matches("drydock [0-9][^ ]* \\(Drycc controller API 2\\.3\\)");
    }

    @Test
    void eachWayToStartItWrongIsOneLineAndExitCodeTwo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Map<List<String>, String> cases = Map.of(
                    List.of("--bogus"), "drydock: unknown argument: --bogus (--help lists them)",
                    List.of("--port"), "drydock: --port needs a value (--help lists them)",
                    List.of("--port", "http"), "drydock: port must be a number, not http",
                    List.of("--storage", "mysql"), "drydock: --storage must be memory, h2 or postgres, not mysql",
                    List.of("--storage", "memory", "--port", Integer.toString(taken.getLocalPort())),
                    "drydock: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": the port is already in use",
                    List.of("--storage", "memory", "--host", "192.0.2.1", "--port", "0"),
                    "drydock: cannot listen on 192.0.2.1:0: that address is not one of this machine's",
                    List.of("--storage", "memory", "--metrics-port", Integer.toString(taken.getLocalPort())),
                    "drydock: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                            + " for /metrics: the port is already in use",
                    List.of("--metrics-port", "prometheus"),
                    "drydock: --metrics-port: port must be a number, not prometheus");
            for (Map.Entry<List<String>, String> wrong : cases.entrySet()) {
                Run run = run(wrong.getKey().toArray(String[]::new));

                assertThat(run.exitCode()).as("exit code of %s", wrong.getKey()).isEqualTo(2);
                assertThat(run.err()).as("stderr of %s", wrong.getKey()).isEqualTo(wrong.getValue() + "\n");
            }
        }
    }

    @Test
    void theStartUpLogEndsWithWhereItListensAndOnWhat() throws Exception {
        Path log = ServerProcess.freshLog("command-line");
        try (ServerProcess server = ServerProcess.start(ServerProcess.jar(), work, log,
                List.of("--storage", "memory"), Map.of())) {
            // the start-up lines; the access log's lines of the test's own health checks follow them
            List<String> lines = server.output().strip().lines().filter(line -> !line.contains(" access - "))
                    .toList();

            assertThat(lines.get(lines.size() - 1)).endsWith("Drydock listening on " + server.uri()
                    + " (Drycc controller API 2.3) with in-memory storage and the simulated scheduler");
        }
    }
}
