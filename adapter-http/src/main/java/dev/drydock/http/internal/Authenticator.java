package dev.drydock.http.internal;

import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.error.ErrorKind;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.usecase.Accounts;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Token authentication as upstream does it: {@code Authorization: token <key>}, the keyword in
 * any case. A header with another keyword counts as no credentials. Every 401 carries
 * {@code WWW-Authenticate: Token} (added by the error mapper).
 */
public final class Authenticator {
    static final String NOT_PROVIDED = "Authentication credentials were not provided.";
    static final String NO_KEY = "Invalid token header. No credentials provided.";
    static final String SPACES = "Invalid token header. Token string should not contain spaces.";

    private final Accounts accounts;

    public Authenticator(Accounts accounts) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    /** The caller; 401 when there are no credentials or they are bad. */
    public Caller require(ContainerRequestContext request) {
        return optional(request).orElseThrow(() -> DrydockException.unauthorized(NOT_PROVIDED));
    }

    /** The caller, or empty without credentials; bad credentials are still 401 (as for login). */
    public Optional<Caller> optional(ContainerRequestContext request) {
        return tokenOf(request.getHeaderString(HttpHeaders.AUTHORIZATION)).map(accounts::authenticate);
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
