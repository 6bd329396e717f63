package dev.drydock.http.internal;

/** Lets tests in other packages wait for the access log's lines. */
public final class AccessLogs {
    private AccessLogs() {
    }

    public static void awaitWritten() throws InterruptedException {
        AccessLog.awaitWritten();
    }
}
