package dev.drydock.ports.usecase;

import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Tls;

/** Whether an app enforces HTTPS. */
public interface TlsSettings {
    /** The app's current TLS setting. */
    Tls get(Caller caller, String app);

    /** Sets HTTPS enforcement; the same value again is a conflict. */
    Tls set(Caller caller, String app, boolean httpsEnforced);
}
