package dev.drydock.k8s;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the Kubernetes scheduler behaves on a cluster, checked when made: an invalid one cannot
 * exist. Start from {@link #defaults()} and change what differs with the {@code withX} methods.
 *
 * @param deployTimeout   how long a rollout may take before it is rolled back (upstream's
 *                        {@code DRYCC_DEPLOY_TIMEOUT}, 120 s by default); also how long a restart
 *                        waits for the replacement pods
 * @param poll            how often a rollout is looked at (500 ms by default)
 * @param platformDomain  the domain under which an app's bare default domain is served: the app
 *                        {@code shop} is reached at {@code shop.<platformDomain>}. Empty by
 *                        default, and then bare domains get no Ingress rule.
 * @param ingressClass    the {@code spec.ingressClassName} of the apps' Ingresses ({@code nginx} by
 *                        default)
 * @param httpsAnnotation the Ingress annotation that enforces HTTPS, set to {@code "true"} or
 *                        {@code "false"} (ingress-nginx's
 *                        {@code nginx.ingress.kubernetes.io/ssl-redirect} by default)
 */
public record KubernetesSettings(Duration deployTimeout, Duration poll, Optional<String> platformDomain,
                                 String ingressClass, String httpsAnnotation) {
    /** Upstream's DRYCC_DEPLOY_TIMEOUT default. */
    public static final Duration DEFAULT_DEPLOY_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration DEFAULT_POLL = Duration.ofMillis(500);
    public static final String DEFAULT_INGRESS_CLASS = "nginx";
    public static final String DEFAULT_HTTPS_ANNOTATION = "nginx.ingress.kubernetes.io/ssl-redirect";

    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern DNS_LABEL = Pattern.compile(LABEL);
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
    private static final Pattern ANNOTATION_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

    public KubernetesSettings {
        Objects.requireNonNull(deployTimeout, "deployTimeout");
        Objects.requireNonNull(poll, "poll");
        Objects.requireNonNull(platformDomain, "platformDomain");
        Objects.requireNonNull(ingressClass, "ingressClass");
        Objects.requireNonNull(httpsAnnotation, "httpsAnnotation");
        if (deployTimeout.isNegative() || deployTimeout.isZero()) {
            throw new IllegalArgumentException("The deploy timeout must be positive, not " + deployTimeout);
        }
        if (poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("The poll interval must be positive, not " + poll);
        }
        platformDomain.ifPresent(domain -> {
            if (!isDnsSubdomain(domain) || !domain.contains(".")) {
                throw new IllegalArgumentException("The platform domain must be a DNS name of at least two labels"
                        + " (lower-case letters, digits and '-', dot-separated, at most 253 characters), like"
                        + " apps.example.com; not \"" + domain + "\"");
            }
        });
        if (ingressClass.length() > 63 || !DNS_LABEL.matcher(ingressClass).matches()) {
            throw new IllegalArgumentException("The ingress class must be a DNS label (at most 63 lower-case"
                    + " letters, digits and '-', starting and ending with a letter or digit), not \""
                    + ingressClass + "\"");
        }
        if (!isAnnotationKey(httpsAnnotation)) {
            throw new IllegalArgumentException("The HTTPS annotation must be a Kubernetes annotation key"
                    + " ([prefix/]name: the prefix a DNS subdomain of at most 253 characters, the name at most"
                    + " 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit), not \""
                    + httpsAnnotation + "\"");
        }
    }

    /** Upstream's timeout, a poll every 500 ms, no platform domain, ingress-nginx. */
    public static KubernetesSettings defaults() {
        return new KubernetesSettings(DEFAULT_DEPLOY_TIMEOUT, DEFAULT_POLL, Optional.empty(), DEFAULT_INGRESS_CLASS,
                DEFAULT_HTTPS_ANNOTATION);
    }

    public KubernetesSettings withDeployTimeout(Duration timeout) {
        return new KubernetesSettings(timeout, poll, platformDomain, ingressClass, httpsAnnotation);
    }

    public KubernetesSettings withPoll(Duration interval) {
        return new KubernetesSettings(deployTimeout, interval, platformDomain, ingressClass, httpsAnnotation);
    }

    /** With this platform domain; {@link Optional#empty()} for none. */
    public KubernetesSettings withPlatformDomain(Optional<String> domain) {
        return new KubernetesSettings(deployTimeout, poll, domain, ingressClass, httpsAnnotation);
    }

    public KubernetesSettings withPlatformDomain(String domain) {
        return withPlatformDomain(Optional.of(Objects.requireNonNull(domain, "domain")));
    }

    public KubernetesSettings withIngressClass(String name) {
        return new KubernetesSettings(deployTimeout, poll, platformDomain, name, httpsAnnotation);
    }

    public KubernetesSettings withHttpsAnnotation(String key) {
        return new KubernetesSettings(deployTimeout, poll, platformDomain, ingressClass, key);
    }

    private static boolean isDnsSubdomain(String name) {
        if (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
            return false;
        }
        for (String label : name.split("\\.")) {
            if (label.length() > 63) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAnnotationKey(String key) {
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0 && !isDnsSubdomain(key.substring(0, slash))) {
            return false;
        }
        return name.length() <= 63 && ANNOTATION_NAME.matcher(name).matches();
    }
}
