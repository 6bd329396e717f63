package dev.drydock.ports.usecase;

import dev.drydock.ports.model.Caller;
import dev.drydock.ports.model.Domain;
import dev.drydock.ports.model.Page;
import dev.drydock.ports.model.PageRequest;

/** The hostnames routed to an app. */
public interface Domains {
    /** Adds a domain (Unicode or ASCII; stored in ASCII form). */
    Domain add(Caller caller, String app, String domain);

    /** An app's domains ordered by name. */
    Page<Domain> list(Caller caller, String app, PageRequest page);

    /** Removes a domain (owner or admin), detaching its certificate first. */
    void remove(Caller caller, String app, String domain);
}
