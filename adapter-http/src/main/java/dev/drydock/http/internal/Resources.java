package dev.drydock.http.internal;

import dev.drydock.http.ApiServices;
import java.util.List;

/** The one list of the API's resources; add new resources here. */
public final class Resources {
    private Resources() {
    }

    /** Every resource, built on the services (registered as instances, no injection). */
    public static List<Object> all(ApiServices services) {
        Authenticator auth = new Authenticator(services.accounts());
        return List.of(
                new HealthResource(services.ready()),
                new RootResource(auth),
                new AuthResource(services.accounts(), auth),
                new UsersResource(services.users(), auth),
                new AdminPermsResource(services.users(), auth),
                new AppsResource(services.apps(), auth),
                new AppPermsResource(services.collaborators(), auth),
                new KeysResource(services.keys(), auth));
    }
}
