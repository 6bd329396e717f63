package dev.drydock.ports.spi;

/** The repositories, as seen from inside one unit of work of {@link Transactions}. */
public interface Store {
    /** Accounts. */
    UserRepository users();

    /** API token digests. */
    TokenRepository tokens();

    /** Applications. */
    AppRepository apps();

    /** Collaborator grants. */
    PermissionRepository permissions();

    /** SSH keys. */
    KeyRepository keys();

    /** Config versions. */
    ConfigRepository configs();

    /** Builds. */
    BuildRepository builds();

    /** Releases. */
    ReleaseRepository releases();

    /** Domains. */
    DomainRepository domains();

    /** Certificates. */
    CertificateRepository certificates();

    /** HTTPS enforcement settings. */
    TlsRepository tls();
}
