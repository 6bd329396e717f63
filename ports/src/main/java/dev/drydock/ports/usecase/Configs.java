package dev.drydock.ports.usecase;

import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Config;

/** An app's configuration; each change makes a new config and a new release. */
public interface Configs {
    /** The config of the latest good release. */
    Config get(Caller caller, String app);

    /** Merges a change onto the current config and releases it; returns the new config. */
    Config set(Caller caller, String app, ConfigChange change);
}
