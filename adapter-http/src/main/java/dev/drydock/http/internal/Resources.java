package dev.drydock.http.internal;

import dev.drydock.http.ApiServices;
import java.util.List;

/** The one list of the API's resources; add new resources here. */
public final class Resources {
    private Resources() {
    }

    /** Every resource, built on the services (registered as instances, no injection). */
    public static List<Object> all(ApiServices services) {
        Authenticator auth = new Authenticator(services.accounts(), services.apps());
        return List.of(
                new HealthResource(services.ready()),
                new RootResource(auth),
                new AuthResource(services.accounts(), auth),
                new UsersResource(services.users(), auth),
                new AdminPermsResource(services.users(), auth),
                new AppsResource(services.apps(), auth),
                new AppPermsResource(services.collaborators(), auth),
                new KeysResource(services.keys(), auth),
                new ConfigResource(services.configs(), auth),
                new BuildsResource(services.builds(), auth),
                new ReleasesResource(services.releases(), auth),
                new ScaleResource(services.processes(), auth),
                new PodsResource(services.processes(), auth),
                new RunResource(services.processes(), auth),
                new LogsResource(services.processes(), auth),
                new DomainsResource(services.domains(), auth),
                new CertificatesResource(services.certificates(), auth),
                new TlsResource(services.tls(), auth),
                new HooksResource(services.hooks()));
    }
}
