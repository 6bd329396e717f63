package dev.drydock.inmemory.internal;

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

/** The repositories of one unit of work. */
public final class MemoryStore implements Store {
    private final Unit unit;
    private final UserRepository users;
    private final TokenRepository tokens;
    private final AppRepository apps;
    private final PermissionRepository permissions;
    private final KeyRepository keys;
    private final ConfigRepository configs;
    private final BuildRepository builds;
    private final ReleaseRepository releases;
    private final DomainRepository domains;
    private final CertificateRepository certificates;
    private final TlsRepository tls;

    public MemoryStore(Unit unit) {
        this.unit = unit;
        this.users = new MemoryUserRepository(unit);
        this.tokens = new MemoryTokenRepository(unit);
        this.apps = new MemoryAppRepository(unit);
        this.permissions = new MemoryPermissionRepository(unit);
        this.keys = new MemoryKeyRepository(unit);
        this.configs = new MemoryConfigRepository(unit);
        this.builds = new MemoryBuildRepository(unit);
        this.releases = new MemoryReleaseRepository(unit);
        this.domains = new MemoryDomainRepository(unit);
        this.certificates = new MemoryCertificateRepository(unit);
        this.tls = new MemoryTlsRepository(unit);
    }

    public Unit unit() {
        return unit;
    }

    @Override
    public UserRepository users() {
        return users;
    }

    @Override
    public TokenRepository tokens() {
        return tokens;
    }

    @Override
    public AppRepository apps() {
        return apps;
    }

    @Override
    public PermissionRepository permissions() {
        return permissions;
    }

    @Override
    public KeyRepository keys() {
        return keys;
    }

    @Override
    public ConfigRepository configs() {
        return configs;
    }

    @Override
    public BuildRepository builds() {
        return builds;
    }

    @Override
    public ReleaseRepository releases() {
        return releases;
    }

    @Override
    public DomainRepository domains() {
        return domains;
    }

    @Override
    public CertificateRepository certificates() {
        return certificates;
    }

    @Override
    public TlsRepository tls() {
        return tls;
    }
}
