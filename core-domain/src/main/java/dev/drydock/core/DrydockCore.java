package dev.drydock.core;

import dev.drydock.core.app.AppService;
import dev.drydock.core.auth.AccountService;
import dev.drydock.core.auth.UserService;
import dev.drydock.core.build.BuildService;
import dev.drydock.core.certificate.CertificateService;
import dev.drydock.core.config.ConfigService;
import dev.drydock.core.domain.DomainService;
import dev.drydock.core.hook.HookService;
import dev.drydock.core.key.KeyService;
import dev.drydock.core.permission.CollaboratorService;
import dev.drydock.core.process.ProcessService;
import dev.drydock.core.release.ReleaseService;
import dev.drydock.core.release.Releaser;
import dev.drydock.core.tls.TlsService;
import dev.drydock.ports.spi.AppLog;
import dev.drydock.ports.spi.DeployLock;
import dev.drydock.ports.spi.Scheduler;
import dev.drydock.ports.spi.Transactions;
import dev.drydock.ports.usecase.Accounts;
import dev.drydock.ports.usecase.Apps;
import dev.drydock.ports.usecase.BuilderHooks;
import dev.drydock.ports.usecase.Builds;
import dev.drydock.ports.usecase.Certificates;
import dev.drydock.ports.usecase.Collaborators;
import dev.drydock.ports.usecase.Configs;
import dev.drydock.ports.usecase.Domains;
import dev.drydock.ports.usecase.Keys;
import dev.drydock.ports.usecase.Processes;
import dev.drydock.ports.usecase.Releases;
import dev.drydock.ports.usecase.TlsSettings;
import dev.drydock.ports.usecase.Users;
import java.time.Clock;
import java.util.Objects;

/**
 * The core wired by hand: every use case on one set of driven ports. Embedders and the server
 * build one of these and hand its use cases to whatever drives them.
 */
public final class DrydockCore {
    private final Accounts accounts;
    private final Users users;
    private final Apps apps;
    private final Keys keys;
    private final Collaborators collaborators;
    private final Domains domains;
    private final Certificates certificates;
    private final TlsSettings tls;
    private final Configs configs;
    private final Builds builds;
    private final Releases releases;
    private final Processes processes;
    private final BuilderHooks hooks;
    private final Releaser releaser;

    /**
     * @param deployLock the per-app lock that deploys, scales and destroys take turns under; it must
     *                   reach every server that shares {@code tx}'s store
     */
    public DrydockCore(Transactions tx, Scheduler scheduler, DeployLock deployLock, AppLog log, Clock clock,
                       Settings settings) {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(deployLock, "deployLock");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(settings, "settings");
        this.accounts = new AccountService(tx, clock, settings);
        this.users = new UserService(tx, settings.limits());
        this.keys = new KeyService(tx, clock, settings.limits());
        this.collaborators = new CollaboratorService(tx, log, clock);
        this.domains = new DomainService(tx, scheduler, log, clock, settings.limits());
        this.certificates = new CertificateService(tx, scheduler, clock, settings.limits());
        this.tls = new TlsService(tx, scheduler, clock);
        // deploys of one app reach the scheduler in release order, scaling does not reach it in the
        // middle of a deploy, and destroying an app waits for both, all under the app's deploy lock
        this.releaser = new Releaser(tx, scheduler, deployLock, log, clock);
        this.apps = new AppService(tx, scheduler, releaser, log, clock, settings);
        BuildService buildService = new BuildService(tx, releaser, clock, settings.limits());
        this.configs = new ConfigService(tx, scheduler, releaser, clock, settings.limits());
        this.builds = buildService;
        this.releases = new ReleaseService(tx, releaser, settings.limits());
        this.processes = new ProcessService(tx, scheduler, releaser, log, clock, settings.limits());
        this.hooks = new HookService(tx, buildService, settings);
    }

    /** Registration, login, tokens, passwords and account removal. */
    public Accounts accounts() {
        return accounts;
    }

    /** The user list and admin rights. */
    public Users users() {
        return users;
    }

    /** Creating, listing, transferring and destroying apps. */
    public Apps apps() {
        return apps;
    }

    /** Users' SSH keys. */
    public Keys keys() {
        return keys;
    }

    /** Sharing apps with other users. */
    public Collaborators collaborators() {
        return collaborators;
    }

    /** The hostnames routed to apps. */
    public Domains domains() {
        return domains;
    }

    /** Users' TLS certificates and their attachment to domains. */
    public Certificates certificates() {
        return certificates;
    }

    /** Whether apps enforce HTTPS. */
    public TlsSettings tls() {
        return tls;
    }

    /** Apps' configs; each change is a new release. */
    public Configs configs() {
        return configs;
    }

    /** Apps' builds; each new one is released and deployed. */
    public Builds builds() {
        return builds;
    }

    /** Apps' numbered releases and rollback. */
    public Releases releases() {
        return releases;
    }

    /** Scaling, pods, restarts, one-off commands and logs. */
    public Processes processes() {
        return processes;
    }

    /**
     * The releaser the use cases above deploy, scale and destroy apps with; services built by hand
     * on this core's ports (tests, embedders) should use this one.
     */
    public Releaser releaser() {
        return releaser;
    }

    /** The builder's hooks, closed unless a builder key is configured. */
    public BuilderHooks hooks() {
        return hooks;
    }
}
