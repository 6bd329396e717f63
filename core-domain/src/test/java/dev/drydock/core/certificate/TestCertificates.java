package dev.drydock.core.certificate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.spec.ECGenParameterSpec;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/** Real certificates and keys, made on the spot with BouncyCastle, for tests. */
public final class TestCertificates {
    // key generation is the slow part; a few pairs serve every test
    public static final KeyPair RSA = generate("RSA");
    public static final KeyPair OTHER_RSA = generate("RSA");
    public static final KeyPair EC = generate("EC");

    private static final Provider BC = new BouncyCastleProvider();
    private static final AtomicLong SERIAL = new AtomicLong(1000);

    private TestCertificates() {
    }

    /** {@code /C=US/ST=CA/L=San Francisco/O=Drycc/OU=Engineering/CN=<cn>/emailAddress=engineering@drycc.cc}. */
    public static X500Name fullName(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "US")
                .addRDN(BCStyle.ST, "CA")
                .addRDN(BCStyle.L, "San Francisco")
                .addRDN(BCStyle.O, "Drycc")
                .addRDN(BCStyle.OU, "Engineering")
                .addRDN(BCStyle.CN, commonName)
                .addRDN(BCStyle.EmailAddress, "engineering@drycc.cc")
                .build();
    }

    public static X500Name name(String text) {
        return new X500Name(text);
    }

    /** A self-signed certificate for {@code keys}, valid from yesterday for a year. */
    public static X509Certificate selfSigned(X500Name subject, KeyPair keys, String... dnsNames) {
        return issue(subject, keys, subject, keys.getPrivate(), Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(365)), false, dnsNames);
    }

    /** A certificate for {@code keys} signed by {@code issuerKey} in the name of {@code issuer}. */
    public static X509Certificate issue(X500Name subject, KeyPair keys, X500Name issuer, PrivateKey issuerKey,
                                        Instant notBefore, Instant notAfter, boolean ca, String... dnsNames) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(notBefore.truncatedTo(ChronoUnit.SECONDS)),
                    Date.from(notAfter.truncatedTo(ChronoUnit.SECONDS)), subject, keys.getPublic());
            if (dnsNames.length > 0) {
                List<GeneralName> names = new ArrayList<>();
                for (String dns : dnsNames) {
                    names.add(new GeneralName(GeneralName.dNSName, dns));
                }
                // an IP entry too: only DNS names are the certificate's "san"
                names.add(new GeneralName(GeneralName.iPAddress, "10.0.0.1"));
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            if (ca) {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            }
            String algorithm = issuerKey.getAlgorithm().startsWith("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The PEM of a self-signed certificate whose issuer and subject are empty names, as
     * {@code openssl req -x509 -subj /} makes. BouncyCastle's builders refuse an empty issuer, so
     * the structure is put together here by hand (RFC 5280 4.1).
     */
    public static String selfSignedWithoutNames(KeyPair keys) {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(
                    keys.getPrivate().getAlgorithm().startsWith("EC") ? "SHA256withECDSA" : "SHA256withRSA")
                    .build(keys.getPrivate());
            X500Name empty = new X500Name(new RDN[0]);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            DERSequence tbs = new DERSequence(new ASN1Encodable[] {
                    new DERTaggedObject(true, 0, new ASN1Integer(2)),
                    new ASN1Integer(SERIAL.incrementAndGet()),
                    signer.getAlgorithmIdentifier(),
                    empty,
                    new DERSequence(new ASN1Encodable[] {
                            new Time(Date.from(now.minus(Duration.ofDays(1)))),
                            new Time(Date.from(now.plus(Duration.ofDays(365))))}),
                    empty,
                    SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded())});
            try (OutputStream out = signer.getOutputStream()) {
                out.write(tbs.getEncoded(ASN1Encoding.DER));
            }
            DERSequence certificate = new DERSequence(new ASN1Encodable[] {
                    tbs, signer.getAlgorithmIdentifier(), new DERBitString(signer.getSignature())});
            return pem(new PemObject("CERTIFICATE", certificate.getEncoded(ASN1Encoding.DER)));
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PEM of certificates (one after the other) or of a key pair/private key in OpenSSL's classic form (PKCS#1, SEC1). */
    public static String pem(Object... objects) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /**
     * The private key in OpenSSL's classic form: {@code RSA PRIVATE KEY} (PKCS#1) or
     * {@code EC PRIVATE KEY} (SEC1, with the curve and the public point, as openssl writes it).
     */
    public static String classic(KeyPair keys) {
        if (!keys.getPrivate().getAlgorithm().startsWith("EC")) {
            return pem(keys.getPrivate());
        }
        return pem(new PemObject("EC PRIVATE KEY", sec1(keys, true)));
    }

    /** A SEC1 EC key without its public point ({@code openssl ec -no_public}). */
    public static String sec1WithoutPublicKey(KeyPair keys) {
        return pem(new PemObject("EC PRIVATE KEY", sec1(keys, false)));
    }

    private static byte[] sec1(KeyPair keys, boolean withPublicKey) {
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded());
            ASN1Encodable curve = info.getPrivateKeyAlgorithm().getParameters();
            BigInteger secret = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey()).getKey();
            DERBitString point = new DERBitString(
                    SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()).getPublicKeyData().getBytes());
            return (withPublicKey ? new org.bouncycastle.asn1.sec.ECPrivateKey(256, secret, point, curve)
                    : new org.bouncycastle.asn1.sec.ECPrivateKey(256, secret, curve)).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unencrypted PKCS#8 {@code PRIVATE KEY}. */
    public static String pkcs8(PrivateKey key) {
        return pem(new PemObject("PRIVATE KEY", key.getEncoded()));
    }

    /** A classic OpenSSL key encrypted with a passphrase ({@code Proc-Type: 4,ENCRYPTED}). */
    public static String encryptedClassic(PrivateKey key) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(key, new JcePEMEncryptorBuilder("AES-256-CBC").setProvider(BC).build("secret".toCharArray()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /** An {@code ENCRYPTED PRIVATE KEY} (PKCS#8). */
    public static String encryptedPkcs8(PrivateKey key) {
        try {
            return pem(new JcaPKCS8Generator(key, new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setProvider(BC).setPassword("secret".toCharArray()).build()).generate());
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate(String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
