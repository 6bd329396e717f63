package dev.drydock.http;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.spec.ECGenParameterSpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Real self-signed certificates and their keys as PEM text, made with BouncyCastle. */
final class TestCertificates {
    private TestCertificates() {
    }

    /** A certificate, its private key and the SHA-256 fingerprint of its DER form (AA:BB:...). */
    record Pem(String certificate, String key, String fingerprint) {
    }

    /** A self-signed EC certificate for this subject (RFC 4514 text), with these DNS names, valid for a year. */
    static Pem selfSigned(String subject, List<String> dnsNames, Instant notBefore, Instant notAfter) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name(subject);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    BigInteger.valueOf(System.nanoTime()), Date.from(notBefore), Date.from(notAfter), name,
                    pair.getPublic());
            if (!dnsNames.isEmpty()) {
                GeneralName[] names = dnsNames.stream().map(d -> new GeneralName(GeneralName.dNSName, d))
                        .toArray(GeneralName[]::new);
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            X509CertificateHolder holder = builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
            byte[] der = holder.getEncoded();
            String fingerprint = HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(der)).toUpperCase(Locale.ROOT);
            return new Pem(pem(holder), pkcs8(pair.getPrivate().getEncoded()), fingerprint);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("could not make a test certificate", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // PKCS#8 names the curve; BouncyCastle's writer would give a SEC1 key without it.
    private static String pkcs8(byte[] der) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }
}
