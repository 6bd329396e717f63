package dev.drydock.core.certificate;

import static dev.drydock.core.certificate.TestCertificates.EC;
import static dev.drydock.core.certificate.TestCertificates.OTHER_RSA;
import static dev.drydock.core.certificate.TestCertificates.RSA;
import static dev.drydock.core.certificate.TestCertificates.classic;
import static dev.drydock.core.certificate.TestCertificates.fullName;
import static dev.drydock.core.certificate.TestCertificates.name;
import static dev.drydock.core.certificate.TestCertificates.pem;
import static dev.drydock.core.certificate.TestCertificates.pkcs8;
import static dev.drydock.core.certificate.TestCertificates.selfSigned;
import static dev.drydock.core.certificate.TestCertificates.selfSignedWithoutNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.drydock.ports.error.InvalidException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CertificateParserTest {
    private static final String FULL_SUBJECT =
            "/C=US/ST=CA/L=San Francisco/O=Drycc/OU=Engineering/CN=bar.com/emailAddress=engineering@drycc.cc";

    @Nested
    class Reads {
        @Test
        void everyFieldOfAnRsaCertificateWithSubjectAltNames() throws Exception {
            X509Certificate certificate = selfSigned(fullName("bar.com"), RSA, "bar.com", "www.bar.com");

            ParsedCertificate parsed = CertificateParser.parse(pem(certificate), classic(RSA));

            assertThat(parsed.commonName()).isEqualTo("bar.com");
            assertThat(parsed.san()).containsExactly("bar.com", "www.bar.com");
            assertThat(parsed.subject()).isEqualTo(FULL_SUBJECT);
            assertThat(parsed.issuer()).isEqualTo(FULL_SUBJECT);
            assertThat(parsed.starts()).isEqualTo(certificate.getNotBefore().toInstant());
            assertThat(parsed.expires()).isEqualTo(certificate.getNotAfter().toInstant());
            String expected = HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
            assertThat(parsed.fingerprint()).isEqualTo(expected).hasSize(95).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        }

        @Test
        void anEcCertificateWithoutSubjectAltNames() {
            ParsedCertificate parsed = CertificateParser.parse(pem(selfSigned(name("CN=ec.example.com,O=Acme"), EC)),
                    classic(EC));

            assertThat(parsed.commonName()).isEqualTo("ec.example.com");
            assertThat(parsed.san()).isEmpty();
            assertThat(parsed.subject()).isEqualTo("/CN=ec.example.com/O=Acme");
        }

        @Test
        void noCommonNameIsNull() {
            ParsedCertificate parsed = CertificateParser.parse(pem(selfSigned(name("O=Acme,OU=Ops"), RSA)),
                    classic(RSA));

            assertThat(parsed.commonName()).isNull();
            assertThat(parsed.subject()).isEqualTo("/O=Acme/OU=Ops");
        }

        /**
         * {@code openssl req -x509 -subj /} makes a certificate whose issuer and subject have no
         * RDN at all. Upstream accepts it and writes '/' followed by the components joined with
         * '/', which for none is "/".
         */
        @Test
        void anEmptyIssuerAndSubjectAreASlash() {
            ParsedCertificate parsed = CertificateParser.parse(selfSignedWithoutNames(RSA), classic(RSA));

            assertThat(parsed.issuer()).isEqualTo("/");
            assertThat(parsed.subject()).isEqualTo("/");
            assertThat(parsed.commonName()).isNull();
        }

        @Test
        void keysInPkcs1Sec1AndPkcs8Form() {
            String rsaCertificate = pem(selfSigned(name("CN=rsa.example.com"), RSA));
            String ecCertificate = pem(selfSigned(name("CN=ec.example.com"), EC));
            assertThat(classic(RSA)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
            assertThat(classic(EC)).startsWith("-----BEGIN EC PRIVATE KEY-----");

            assertThat(CertificateParser.parse(rsaCertificate, classic(RSA)).commonName()).isEqualTo("rsa.example.com");
            assertThat(CertificateParser.parse(rsaCertificate, pkcs8(RSA.getPrivate())).commonName()).isEqualTo("rsa.example.com");
            assertThat(CertificateParser.parse(ecCertificate, classic(EC)).commonName()).isEqualTo("ec.example.com");
            assertThat(CertificateParser.parse(ecCertificate, pkcs8(EC.getPrivate())).commonName()).isEqualTo("ec.example.com");
        }

        @Test
        void aKeyFileWithEcParametersBeforeTheKey() {
            String withParameters = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
                    + classic(EC);
            String certificate = pem(selfSigned(name("CN=ec.example.com"), EC));

            assertThat(CertificateParser.parse(certificate, withParameters).commonName()).isEqualTo("ec.example.com");
            assertThat(CertificateParser.parse(certificate, TestCertificates.sec1WithoutPublicKey(EC)).commonName())
                    .as("openssl ec -no_public").isEqualTo("ec.example.com");
        }

        @Test
        void theLeafOfAChain() {
            X500Name caName = name("CN=Drydock Test CA,O=Drydock");
            X509Certificate ca = TestCertificates.issue(caName, EC, caName, EC.getPrivate(),
                    Instant.now().minus(Duration.ofDays(2)), Instant.now().plus(Duration.ofDays(900)), true);
            X509Certificate leaf = TestCertificates.issue(fullName("shop.example.com"), RSA, caName, EC.getPrivate(),
                    Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(90)), false,
                    "shop.example.com");

            ParsedCertificate parsed = CertificateParser.parse(pem(leaf, ca), classic(RSA));

            assertThat(parsed.commonName()).isEqualTo("shop.example.com");
            assertThat(parsed.san()).containsExactly("shop.example.com");
            assertThat(parsed.issuer()).isEqualTo("/CN=Drydock Test CA/O=Drydock");
            assertThat(parsed.expires()).isEqualTo(leaf.getNotAfter().toInstant());
            assertThat(catchThrowableOfType(InvalidException.class,
                    () -> CertificateParser.parse(pem(leaf, ca), classic(EC))).fieldErrors())
                    .as("the CA's key is not the leaf's")
                    .isEqualTo(Map.of("key", List.of(CertificateParser.KEY_MISMATCH)));
        }

        @Test
        void anExpiredCertificateIsAccepted() {
            Instant expired = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
            X509Certificate old = TestCertificates.issue(name("CN=old.example.com"), RSA, name("CN=old.example.com"),
                    RSA.getPrivate(), expired.minus(Duration.ofDays(365)), expired, false);

            assertThat(CertificateParser.parse(pem(old), classic(RSA)).expires()).isEqualTo(expired);
        }
    }

    @Nested
    class Refuses {
        private final String certificate = pem(selfSigned(name("CN=bar.com"), RSA));

        @Test
        void aKeyThatIsNotTheCertificates() {
            assertThat(errors(certificate, classic(OTHER_RSA)))
                    .isEqualTo(Map.of("key", List.of(CertificateParser.KEY_MISMATCH)));
            assertThat(errors(certificate, pkcs8(EC.getPrivate())))
                    .isEqualTo(Map.of("key", List.of(CertificateParser.KEY_MISMATCH)));
        }

        @Test
        void garbageInEitherField() {
            Map<String, List<String>> errors = errors("not a certificate", "not a key either");

            assertThat(errors.get("certificate")).singleElement().asString()
                    .isEqualTo("Could not load certificate: no PEM certificate found");
            assertThat(errors.get("key")).singleElement().asString()
                    .isEqualTo("Could not load private key: no PEM private key found");
        }

        @Test
        void aBrokenPemBlock() {
            String broken = "-----BEGIN CERTIFICATE-----\nMIIB!!!notbase64***\n-----END CERTIFICATE-----\n";
            String truncated = certificate.substring(0, certificate.length() / 2) + "\n-----END CERTIFICATE-----\n";

            assertThat(errors(broken, classic(RSA)).get("certificate")).singleElement().asString()
                    .startsWith("Could not load certificate: ");
            assertThat(errors(truncated, classic(RSA)).get("certificate")).singleElement().asString()
                    .startsWith("Could not load certificate: ");
        }

        @Test
        void aKeyAloneWhereTheCertificateBelongs() {
            assertThat(errors(classic(RSA), classic(RSA)).get("certificate")).containsExactly(
                    "Could not load certificate: expected only PEM certificates, found a private key");
        }

        @Test
        void aCertificateWhereTheKeyBelongs() {
            assertThat(errors(certificate, certificate))
                    .isEqualTo(Map.of("key", List.of("Could not load private key: no PEM private key found")));
        }

        @Test
        void anEncryptedKey() {
            assertThat(errors(certificate, TestCertificates.encryptedClassic(RSA.getPrivate())).get("key"))
                    .containsExactly("Could not load private key: the key is encrypted; send it without a passphrase");
            assertThat(errors(certificate, TestCertificates.encryptedPkcs8(RSA.getPrivate())).get("key"))
                    .containsExactly("Could not load private key: the key is encrypted; send it without a passphrase");
        }

        @Test
        void anEcKeyWithoutItsCurve() {
            assertThat(errors(pem(selfSigned(name("CN=ec.example.com"), EC)), pem(EC.getPrivate())).get("key"))
                    .containsExactly("Could not load private key: the EC key does not name its curve");
        }

        @Test
        void twoKeys() {
            assertThat(errors(certificate, classic(RSA) + classic(OTHER_RSA)).get("key"))
                    .containsExactly("Could not load private key: expected one private key, found 2");
        }

        @Test
        void missingAndBlankFields() {
            assertThat(errors(null, null)).isEqualTo(Map.of(
                    "certificate", List.of("This field is required."), "key", List.of("This field is required.")));
            assertThat(errors(" \n", "")).isEqualTo(Map.of(
                    "certificate", List.of("This field may not be blank."), "key", List.of("This field may not be blank.")));
        }

        @Test
        void messagesNeverQuoteTheKey() {
            String key = classic(RSA);
            String damaged = key.replace("\n-----END", "@@\n-----END");
            String body = key.lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();

            List<String> messages = errors(certificate, damaged).get("key");

            assertThat(messages).singleElement().asString().startsWith("Could not load private key: ").doesNotContain(body);
        }

        private Map<String, List<String>> errors(String certificatePem, String keyPem) {
            return catchThrowableOfType(InvalidException.class,
                    () -> CertificateParser.parse(certificatePem, keyPem)).fieldErrors();
        }
    }
}
