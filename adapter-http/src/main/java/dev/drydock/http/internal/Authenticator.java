package dev.drydock.http.internal;

import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.error.ErrorKind;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.usecase.Accounts;
import dev.drydock.ports.usecase.Apps;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Token authentication as upstream does it: {@code Authorization: token <key>}, the keyword in
 * any case. A header with another keyword counts as no credentials. Every 401 carries
 * {@code WWW-Authenticate: Token} (added by the error mapper).
 *
 * <p>It also guards app-scoped endpoints that take a body: {@link #requireApp} checks the app and
 * the caller's right to use it first, so the answers come in upstream's order (401, 404, 403, and
 * only then 400 for the body).
 */
public final class Authenticator {
    static final String NOT_PROVIDED = "Authentication credentials were not provided.";
    static final String NO_KEY = "Invalid token header. No credentials provided.";
    static final String SPACES = "Invalid token header. Token string should not contain spaces.";

    private final Accounts accounts;
    private final Apps apps;

    public Authenticator(Accounts accounts, Apps apps) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.apps = Objects.requireNonNull(apps, "apps");
    }

    /** The caller; 401 when there are no credentials or they are bad. */
    public Caller require(ContainerRequestContext request) {
        return optional(request).orElseThrow(() -> DrydockException.unauthorized(NOT_PROVIDED));
    }

    /**
     * The caller, once the app is known to exist (else 404) and the caller may use it (else 403),
     * exactly as {@link Apps#get} decides. Call it before reading the body; the use case still makes
     * its own, possibly stricter, check.
     */
    public Caller requireApp(ContainerRequestContext request, String appId) {
        Caller caller = require(request);
        apps.get(caller, appId);
        return caller;
    }

    /** The caller, or empty without credentials; bad credentials are still 401 (as for login). */
    public Optional<Caller> optional(ContainerRequestContext request) {
        Optional<Caller> caller = tokenOf(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .map(accounts::authenticate);
        caller.ifPresent(c -> request.setProperty(AccessLog.USER, c.username()));
        return caller;
    }

    /** The caller, or empty when credentials are missing or bad (as for register). */
    public Optional<Caller> lenient(ContainerRequestContext request) {
        try {
            return optional(request);
        } catch (DrydockException e) {
            if (e.kind() == ErrorKind.UNAUTHORIZED) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The key of a token header; empty when there is none or it names another scheme. */
    static Optional<String> tokenOf(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String[] parts = header.strip().split("\\s+");
        if (parts.length == 0 || parts[0].isEmpty() || !parts[0].toLowerCase(Locale.ROOT).equals("token")) {
            return Optional.empty();
        }
        if (parts.length == 1) {
            throw DrydockException.unauthorized(NO_KEY);
        }
        if (parts.length > 2) {
            throw DrydockException.unauthorized(SPACES);
        }
        return Optional.of(parts[1]);
    }
}
