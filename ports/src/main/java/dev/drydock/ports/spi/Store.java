package dev.drydock.ports.spi;

/** The repositories, as seen from inside one unit of work of {@link Transactions}. */
public interface Store {
    UserRepository users();

    TokenRepository tokens();

    AppRepository apps();

    PermissionRepository permissions();

    KeyRepository keys();

    ConfigRepository configs();

    BuildRepository builds();

    ReleaseRepository releases();

    DomainRepository domains();

    CertificateRepository certificates();

    TlsRepository tls();
}
