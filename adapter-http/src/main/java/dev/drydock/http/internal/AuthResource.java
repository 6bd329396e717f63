package dev.drydock.http.internal;

import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.model.Caller;
import dev.drydock.ports.usecase.Accounts;
import dev.drydock.ports.usecase.PasswordChange;
import dev.drydock.ports.usecase.Registration;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;

/** Registration, login, whoami, tokens, password and account removal under /v2/auth. */
@Path("v2/auth")
@Produces(MediaType.APPLICATION_JSON)
public final class AuthResource {
    private final Accounts accounts;
    private final Authenticator auth;

    public AuthResource(Accounts accounts, Authenticator auth) {
        this.accounts = accounts;
        this.auth = auth;
    }

    @POST
    @Path("register")
    public Response register(@Context ContainerRequestContext request, JsonBody body) {
        Optional<Caller> caller = auth.lenient(request);
        Registration registration = new Registration(body.string("username"), body.string("password"),
                body.string("email"), body.string("first_name"), body.string("last_name"));
        return Response.status(Response.Status.CREATED).entity(UserJson.of(accounts.register(caller, registration)))
                .build();
    }

    @POST
    @Path("login")
    public Map<String, String> login(@Context ContainerRequestContext request, JsonBody body) {
        // Anonymous, yet a bad token is still refused, as upstream's default authentication does.
        auth.optional(request);
        return Map.of("token", accounts.login(body.string("username"), body.string("password")));
    }

    @GET
    @Path("whoami")
    public UserJson whoami(@Context ContainerRequestContext request) {
        return UserJson.of(accounts.whoami(auth.require(request)));
    }

    @POST
    @Path("tokens")
    public Object tokens(@Context ContainerRequestContext request, JsonBody body) {
        Caller caller = auth.require(request);
        // Only the presence of "all" counts, whatever its value.
        boolean all = body.has("all");
        if (!all && body.node("username").filter(node -> node.isNull()).isPresent()) {
            // The key alone asks for someone's token (upstream's permission looks at keys, not
            // values): admins only, and even they must name a user.
            if (!accounts.whoami(caller).superuser()) {
                throw DrydockException.forbidden();
            }
            throw DrydockException.invalidField("username", "This field may not be null.");
        }
        Optional<String> username = all ? Optional.empty() : body.optionalString("username");
        return accounts.regenerateToken(caller, username, all)
                .<Object>map(token -> Map.of("token", token))
                .orElseGet(() -> Json.string(""));
    }

    @POST
    @Path("passwd")
    public Map<String, String> passwd(@Context ContainerRequestContext request, JsonBody body) {
        Caller caller = auth.require(request);
        accounts.changePassword(caller, new PasswordChange(body.string("username"), body.string("password"),
                body.string("new_password")));
        return Map.of("status", "password set");
    }

    @DELETE
    @Path("cancel")
    public Response cancel(@Context ContainerRequestContext request, JsonBody body) {
        Caller caller = auth.require(request);
        accounts.cancel(caller, body.optionalString("username"));
        return Response.noContent().build();
    }
}
