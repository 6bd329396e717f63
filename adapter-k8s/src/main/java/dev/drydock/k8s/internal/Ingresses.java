package dev.drydock.k8s.internal;

import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.spi.Routing;
import io.kubernetes.client.openapi.models.V1HTTPIngressPath;
import io.kubernetes.client.openapi.models.V1HTTPIngressRuleValue;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1IngressBackend;
import io.kubernetes.client.openapi.models.V1IngressRule;
import io.kubernetes.client.openapi.models.V1IngressServiceBackend;
import io.kubernetes.client.openapi.models.V1IngressSpec;
import io.kubernetes.client.openapi.models.V1IngressTLS;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1ServiceBackendPort;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The objects that route an app's domains to its Service: one {@code networking.k8s.io/v1}
 * Ingress named after the app, and a {@code kubernetes.io/tls} secret per attached certificate.
 * Pure functions of a {@link Routing}, like {@link Manifests}.
 *
 * <p>A domain without a dot is the app's bare default domain: it is served as
 * {@code <domain>.<platformDomain>}, and not at all when there is no platform domain.
 */
public final class Ingresses {
    /** The {@code type} label of the certificate secrets, by which Drydock finds its own. */
    static final String CERTIFICATE_TYPE = "certificate";

    private Ingresses() {
    }

    /** The hosts an app is reached at: its domains, bare ones under the platform domain; sorted. */
    public static Set<String> hosts(List<String> domains, Optional<String> platformDomain) {
        Set<String> hosts = new TreeSet<>();
        for (String domain : domains) {
            host(domain, platformDomain).ifPresent(hosts::add);
        }
        return hosts;
    }

    private static Optional<String> host(String domain, Optional<String> platformDomain) {
        return domain.contains(".") ? Optional.of(domain) : platformDomain.map(p -> domain + "." + p);
    }

    /** Upstream's name of a certificate's secret: {@code <certname>-cert}. */
    public static String certificateSecretName(String certificate) {
        return certificate + "-cert";
    }

    /** The label selector of the app's certificate secrets. */
    public static String certificateSelector(String app) {
        return "app=" + app + ",heritage=" + Manifests.HERITAGE + ",type=" + CERTIFICATE_TYPE;
    }

    /** A certificate and its key as a TLS secret in the app's namespace. */
    public static V1Secret certificateSecret(String app, Routing.TlsCertificate certificate) {
        if (certificate.certificatePem() == null || certificate.keyPem() == null) {
            throw DrydockException.invalid("Certificate " + certificate.name() + " has no certificate or no key");
        }
        Map<String, byte[]> data = new LinkedHashMap<>();
        data.put("tls.crt", certificate.certificatePem().getBytes(StandardCharsets.UTF_8));
        data.put("tls.key", certificate.keyPem().getBytes(StandardCharsets.UTF_8));
        return new V1Secret().apiVersion("v1").kind("Secret")
                .metadata(new V1ObjectMeta().name(certificateSecretName(certificate.name())).namespace(app)
                        .labels(Manifests.ordered("app", app, "heritage", Manifests.HERITAGE, "type", CERTIFICATE_TYPE)))
                .type("kubernetes.io/tls")
                .data(data);
    }

    /**
     * The app's Ingress: a rule per host sending every path to the app's Service, a TLS entry per
     * certificate that serves one of those hosts, and HTTPS enforced or not through the annotation.
     * Empty when the app has no host to be reached at.
     */
    public static Optional<V1Ingress> ingress(Routing routing, Optional<String> platformDomain, String ingressClass,
                                              String httpsAnnotation) {
        String app = routing.app();
        Set<String> hosts = hosts(routing.domains(), platformDomain);
        if (hosts.isEmpty()) {
            return Optional.empty();
        }
        List<V1IngressRule> rules = new ArrayList<>();
        for (String host : hosts) {
            rules.add(new V1IngressRule().host(host).http(new V1HTTPIngressRuleValue().paths(List.of(
                    new V1HTTPIngressPath().path("/").pathType("Prefix").backend(new V1IngressBackend().service(
                            new V1IngressServiceBackend().name(app)
                                    .port(new V1ServiceBackendPort().number(Manifests.SERVICE_PORT))))))));
        }
        List<V1IngressTLS> tls = new ArrayList<>();
        for (Routing.TlsCertificate certificate : routing.certificates()) {
            Set<String> served = new TreeSet<>(hosts(certificate.domains(), platformDomain));
            served.retainAll(hosts);
            if (!served.isEmpty()) {
                tls.add(new V1IngressTLS().hosts(List.copyOf(served))
                        .secretName(certificateSecretName(certificate.name())));
            }
        }
        V1IngressSpec spec = new V1IngressSpec().ingressClassName(ingressClass).rules(rules);
        if (!tls.isEmpty()) {
            spec.tls(tls);
        }
        return Optional.of(new V1Ingress().apiVersion("networking.k8s.io/v1").kind("Ingress")
                .metadata(new V1ObjectMeta().name(app).namespace(app)
                        .labels(Manifests.ordered("app", app, "heritage", Manifests.HERITAGE))
                        .annotations(Map.of(httpsAnnotation, Boolean.toString(routing.httpsEnforced()))))
                .spec(spec));
    }
}
