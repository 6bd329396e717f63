package dev.drydock.ports.spi;

import dev.drydock.ports.model.Tls;
import java.util.Optional;

/** HTTPS enforcement settings of apps; each change is a new row, the newest counts. */
public interface TlsRepository {
    /** Stores a new TLS row; it becomes the app's latest. */
    void insert(Tls tls);

    /** The app's newest TLS row. */
    Optional<Tls> latest(String app);
}
