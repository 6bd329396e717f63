package dev.drydock.testing;

import java.net.URI;

/**
 * Run in a JVM of its own by {@link DrydockHarnessTest}, so that its stderr is the one the
 * libraries' logging writes to: starts a harness, answers one request (its connection kept
 * alive), closes it, and prints how long the close took, in milliseconds, on stdout.
 */
public final class HarnessStartsAndCloses {
    private HarnessStartsAndCloses() {
    }

    public static void main(String[] args) {
        DrydockHarness harness = DrydockHarness.start();
        URI api = harness.uri();
        int status = Http.get(api.resolve("healthz"), null).statusCode();
        if (status != 200) {
            throw new IllegalStateException("healthz answered " + status);
        }
        long start = System.nanoTime();
        harness.close();
        System.out.println((System.nanoTime() - start) / 1_000_000);
    }
}
