package dev.drydock.http.internal;

import dev.drydock.http.ApiServices;
import java.util.List;

/** The one list of the API's resources; add new resources here. */
public final class Resources {
    private Resources() {
    }

    /**
     * Every resource, built on the services (registered as instances, no injection); those that
     * wait on the scheduler do it on {@code work}.
     */
    public static List<Object> all(ApiServices services, SchedulerWork work) {
        Authenticator auth = new Authenticator(services.accounts(), services.apps());
        return List.of(
                new HealthResource(services.ready()),
                new RootResource(auth),
                new AuthResource(services.accounts(), auth),
                new UsersResource(services.users(), auth),
                new AdminPermsResource(services.users(), auth),
                new AppsResource(services.apps(), auth, work),
                new AppPermsResource(services.collaborators(), auth),
                new KeysResource(services.keys(), auth),
                new ConfigResource(services.configs(), auth, work),
                new BuildsResource(services.builds(), auth, work),
                new ReleasesResource(services.releases(), auth, work),
                new ScaleResource(services.processes(), auth, work),
                new PodsResource(services.processes(), auth, work),
                new RunResource(services.processes(), auth, work),
                new LogsResource(services.processes(), auth),
                new DomainsResource(services.domains(), auth),
                new CertificatesResource(services.certificates(), auth),
                new TlsResource(services.tls(), auth),
                new HooksResource(services.hooks(), work),
                new OpenApiResource());
    }
}
