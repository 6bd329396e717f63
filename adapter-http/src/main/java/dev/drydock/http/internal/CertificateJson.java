package dev.drydock.http.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.drydock.ports.model.Certificate;
import dev.drydock.ports.model.Timestamps;
import dev.drydock.ports.usecase.Certificates;
import java.util.List;

/** A certificate as the API shows it; the certificate and key PEMs are write-only and never shown. */
public record CertificateJson(long id, String owner, String name, @JsonProperty("common_name") String commonName,
                              List<String> san, String fingerprint, String expires, String starts, String issuer,
                              String subject, List<String> domains, String created, String updated) {

    public static CertificateJson of(Certificates.Attached attached) {
        Certificate c = attached.certificate();
        return new CertificateJson(c.id(), c.owner(), c.name(), c.commonName(), c.san(), c.fingerprint(),
                Timestamps.format(c.expires()), Timestamps.format(c.starts()), c.issuer(), c.subject(), attached.domains(),
                Timestamps.format(c.created()), Timestamps.format(c.updated()));
    }
}
