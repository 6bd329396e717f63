package dev.drydock.jdbc.internal;

import dev.drydock.ports.spi.AppRepository;
import dev.drydock.ports.spi.BuildRepository;
import dev.drydock.ports.spi.CertificateRepository;
import dev.drydock.ports.spi.ConfigRepository;
import dev.drydock.ports.spi.DomainRepository;
import dev.drydock.ports.spi.KeyRepository;
import dev.drydock.ports.spi.PermissionRepository;
import dev.drydock.ports.spi.ReleaseRepository;
import dev.drydock.ports.spi.Store;
import dev.drydock.ports.spi.TlsRepository;
import dev.drydock.ports.spi.TokenRepository;
import dev.drydock.ports.spi.UserRepository;

/** The repositories of one unit of work, made when first asked for. */
public final class JdbcStore implements Store {
    private final Unit unit;
    private UserRepository users;
    private TokenRepository tokens;
    private AppRepository apps;
    private PermissionRepository permissions;
    private KeyRepository keys;
    private ConfigRepository configs;
    private BuildRepository builds;
    private ReleaseRepository releases;
    private DomainRepository domains;
    private CertificateRepository certificates;
    private TlsRepository tls;

    public JdbcStore(Unit unit) {
        this.unit = unit;
    }

    public Unit unit() {
        return unit;
    }

    /**
     * Forgets what the repositories remember within the unit (rows they read or stored), after a
     * rollback to a savepoint undid some of it.
     */
    void forgetSeen() {
        users = null;
        tokens = null;
        apps = null;
        permissions = null;
        keys = null;
        configs = null;
        builds = null;
        releases = null;
        domains = null;
        certificates = null;
        tls = null;
    }

    @Override
    public UserRepository users() {
        return users == null ? users = new JdbcUserRepository(unit) : users;
    }

    @Override
    public TokenRepository tokens() {
        return tokens == null ? tokens = new JdbcTokenRepository(unit) : tokens;
    }

    @Override
    public AppRepository apps() {
        return apps == null ? apps = new JdbcAppRepository(unit, this::forgetSeen) : apps;
    }

    @Override
    public PermissionRepository permissions() {
        return permissions == null ? permissions = new JdbcPermissionRepository(unit) : permissions;
    }

    @Override
    public KeyRepository keys() {
        return keys == null ? keys = new JdbcKeyRepository(unit) : keys;
    }

    @Override
    public ConfigRepository configs() {
        return configs == null ? configs = new JdbcConfigRepository(unit) : configs;
    }

    @Override
    public BuildRepository builds() {
        return builds == null ? builds = new JdbcBuildRepository(unit) : builds;
    }

    @Override
    public ReleaseRepository releases() {
        return releases == null ? releases = new JdbcReleaseRepository(unit, this) : releases;
    }

    @Override
    public DomainRepository domains() {
        return domains == null ? domains = new JdbcDomainRepository(unit) : domains;
    }

    @Override
    public CertificateRepository certificates() {
        return certificates == null ? certificates = new JdbcCertificateRepository(unit) : certificates;
    }

    @Override
    public TlsRepository tls() {
        return tls == null ? tls = new JdbcTlsRepository(unit) : tls;
    }
}
