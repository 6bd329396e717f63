package dev.drydock.ports.spi;

import dev.drydock.ports.model.Tls;
import java.util.Optional;

/** HTTPS enforcement settings of apps; each change is a new row, the newest counts. */
public interface TlsRepository {
    void insert(Tls tls);

    Optional<Tls> latest(String app);
}
