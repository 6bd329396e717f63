package dev.drydock.core.certificate;

import dev.drydock.ports.error.DrydockException;
import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.Properties;

/**
 * Reads the {@code certificate} and {@code key} fields of a new certificate: a PEM certificate
 * chain (the first one is the leaf) and an unencrypted PEM private key (PKCS#1 RSA, SEC1 EC or
 * PKCS#8) that must belong to the leaf. Problems come back as messages under those fields, never
 * with key material in them.
 */
final class CertificateParser {
    static final String CERTIFICATE = "certificate";
    static final String KEY = "key";
    static final String REQUIRED = "This field is required.";
    static final String BLANK = "This field may not be blank.";
    static final String KEY_MISMATCH = "The private key does not match the certificate's public key.";

    // A private instance, not registered with java.security.Security: the core changes no global state.
    private static final Provider BC = new BouncyCastleProvider();
    private static final byte[] PROBE = "drydock: does this key belong to this certificate?".getBytes(
            java.nio.charset.StandardCharsets.US_ASCII);

    private static final Map<String, String> OPENSSL_SHORT_NAMES = Map.ofEntries(
            Map.entry("2.5.4.3", "CN"),
            Map.entry("2.5.4.4", "SN"),
            Map.entry("2.5.4.5", "serialNumber"),
            Map.entry("2.5.4.6", "C"),
            Map.entry("2.5.4.7", "L"),
            Map.entry("2.5.4.8", "ST"),
            Map.entry("2.5.4.9", "street"),
            Map.entry("2.5.4.10", "O"),
            Map.entry("2.5.4.11", "OU"),
            Map.entry("2.5.4.12", "title"),
            Map.entry("2.5.4.13", "description"),
            Map.entry("2.5.4.15", "businessCategory"),
            Map.entry("2.5.4.17", "postalCode"),
            Map.entry("2.5.4.41", "name"),
            Map.entry("2.5.4.42", "GN"),
            Map.entry("2.5.4.43", "initials"),
            Map.entry("2.5.4.44", "generationQualifier"),
            Map.entry("2.5.4.46", "dnQualifier"),
            Map.entry("2.5.4.65", "pseudonym"),
            Map.entry("2.5.4.97", "organizationIdentifier"),
            Map.entry("1.2.840.113549.1.9.1", "emailAddress"),
            Map.entry("1.2.840.113549.1.9.2", "unstructuredName"),
            Map.entry("0.9.2342.19200300.100.1.1", "UID"),
            Map.entry("0.9.2342.19200300.100.1.25", "DC"),
            Map.entry("1.3.6.1.4.1.311.60.2.1.1", "jurisdictionL"),
            Map.entry("1.3.6.1.4.1.311.60.2.1.2", "jurisdictionST"),
            Map.entry("1.3.6.1.4.1.311.60.2.1.3", "jurisdictionC"));

    private CertificateParser() {
    }

    /**
     * Parses both fields; null means the field was not sent. Throws {@code InvalidException} with
     * every problem found, under {@code certificate} and {@code key}.
     */
    static ParsedCertificate parse(String certificatePem, String keyPem) {
        // BouncyCastle refuses a certificate whose issuer is an empty name (openssl req -subj /)
        // unless told otherwise; upstream accepts it. Told for this thread only, for this parse.
        boolean allowedAlready = Properties.isOverrideSet(Properties.X509_ALLOW_EMPTY_ISSUER_CERT);
        if (!allowedAlready) {
            Properties.setThreadOverride(Properties.X509_ALLOW_EMPTY_ISSUER_CERT, true);
        }
        try {
            return parseFields(certificatePem, keyPem);
        } finally {
            if (!allowedAlready) {
                Properties.removeThreadOverride(Properties.X509_ALLOW_EMPTY_ISSUER_CERT);
            }
        }
    }

    private static ParsedCertificate parseFields(String certificatePem, String keyPem) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        X509CertificateHolder leaf = null;
        PrivateKey key = null;
        try {
            leaf = readLeaf(present(certificatePem));
        } catch (Problem e) {
            errors.put(CERTIFICATE, List.of(e.field ? e.getMessage() : "Could not load certificate: " + e.getMessage()));
        }
        try {
            key = readKey(present(keyPem));
        } catch (Problem e) {
            errors.put(KEY, List.of(e.field ? e.getMessage() : "Could not load private key: " + e.getMessage()));
        }
        PublicKey publicKey = null;
        if (leaf != null) {
            try {
                publicKey = new JcaX509CertificateConverter().setProvider(BC).getCertificate(leaf).getPublicKey();
            } catch (GeneralSecurityException | RuntimeException e) {
                errors.put(CERTIFICATE, List.of("Could not load certificate: " + reason(e)));
            }
        }
        if (publicKey != null && key != null && !belongTogether(publicKey, key)) {
            errors.put(KEY, List.of(KEY_MISMATCH));
        }
        if (!errors.isEmpty()) {
            throw DrydockException.invalidFields(errors);
        }
        return describe(leaf);
    }

    private static String present(String pem) throws Problem {
        if (pem == null) {
            throw Problem.field(REQUIRED);
        }
        if (pem.isBlank()) {
            throw Problem.field(BLANK);
        }
        return pem;
    }

    private static X509CertificateHolder readLeaf(String pem) throws Problem {
        List<X509CertificateHolder> chain = new ArrayList<>();
        for (Object object : readAll(pem)) {
            if (object instanceof X509CertificateHolder certificate) {
                chain.add(certificate);
            } else {
                // the chain is handed to the router as it is: key material has no place in it
                throw Problem.of("expected only PEM certificates, found " + describeObject(object));
            }
        }
        if (chain.isEmpty()) {
            throw Problem.of("no PEM certificate found");
        }
        return chain.get(0);
    }

    private static PrivateKey readKey(String pem) throws Problem {
        List<PrivateKey> keys = new ArrayList<>();
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(BC);
        for (Object object : readAll(pem)) {
            try {
                if (object instanceof PEMKeyPair pair) {
                    // SEC1 EC keys may leave the public key out: only the private part is needed
                    keys.add(converter.getPrivateKey(complete(pair.getPrivateKeyInfo())));
                } else if (object instanceof PrivateKeyInfo info) {
                    keys.add(converter.getPrivateKey(complete(info)));
                } else if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw Problem.of("the key is encrypted; send it without a passphrase");
                }
            } catch (IOException | RuntimeException e) {
                throw Problem.of(reason(e));
            }
            // anything else (EC parameters, a certificate pasted along) is not the key and is skipped
        }
        if (keys.isEmpty()) {
            throw Problem.of("no PEM private key found");
        }
        if (keys.size() > 1) {
            throw Problem.of("expected one private key, found " + keys.size());
        }
        return keys.get(0);
    }

    /** BouncyCastle fails on an EC key without its curve with a bare null pointer: say what is missing. */
    private static PrivateKeyInfo complete(PrivateKeyInfo info) throws Problem {
        AlgorithmIdentifier algorithm = info.getPrivateKeyAlgorithm();
        ASN1Encodable parameters = algorithm.getParameters();
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())
                && (parameters == null || parameters instanceof ASN1Null)) {
            throw Problem.of("the EC key does not name its curve");
        }
        return info;
    }

    private static List<Object> readAll(String pem) throws Problem {
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        } catch (IOException | RuntimeException e) {
            throw Problem.of(reason(e));
        }
        return objects;
    }

    /** A signature made with the key verifies with the certificate's public key. */
    private static boolean belongTogether(PublicKey publicKey, PrivateKey privateKey) {
        String algorithm = switch (privateKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "RSASSA-PSS" -> "SHA256withRSAandMGF1";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            case "Ed25519", "Ed448", "EdDSA" -> privateKey.getAlgorithm();
            default -> null;
        };
        if (algorithm == null) {
            return false;
        }
        try {
            Signature signer = Signature.getInstance(algorithm, BC);
            signer.initSign(privateKey);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm, BC);
            verifier.initVerify(publicKey);
            verifier.update(PROBE);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException keysOfDifferentKinds) {
            return false;
        }
    }

    private static ParsedCertificate describe(X509CertificateHolder leaf) {
        return new ParsedCertificate(commonName(leaf.getSubject()), dnsNames(leaf), fingerprint(leaf),
                leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant(),
                openSslForm(leaf.getIssuer()), openSslForm(leaf.getSubject()));
    }

    private static String commonName(X500Name subject) {
        for (RDN rdn : subject.getRDNs()) {
            for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                if ("CN".equals(OPENSSL_SHORT_NAMES.get(attribute.getType().getId()))) {
                    return valueText(attribute.getValue());
                }
            }
        }
        return null;
    }

    private static List<String> dnsNames(X509CertificateHolder leaf) {
        Extension extension = leaf.getExtension(Extension.subjectAlternativeName);
        if (extension == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (GeneralName name : GeneralNames.getInstance(extension.getParsedValue()).getNames()) {
            if (name.getTagNo() == GeneralName.dNSName) {
                names.add(valueText(name.getName()));
            }
        }
        return names;
    }

    private static String fingerprint(X509CertificateHolder leaf) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(leaf.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("SHA-256 over a parsed certificate cannot fail", e);
        }
    }

    /**
     * {@code /K=V/K=V}, in certificate order, each value of a multi-valued RDN on its own. A name
     * without any RDN is {@code "/"}, as upstream writes it: '/' followed by the components joined
     * with '/'.
     */
    static String openSslForm(X500Name name) {
        if (name.getRDNs().length == 0) {
            return "/";
        }
        StringBuilder text = new StringBuilder();
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                ASN1ObjectIdentifier type = attribute.getType();
                text.append('/').append(OPENSSL_SHORT_NAMES.getOrDefault(type.getId(), type.getId()))
                        .append('=').append(valueText(attribute.getValue()));
            }
        }
        return text.toString();
    }

    private static String valueText(ASN1Encodable value) {
        if (value instanceof ASN1String string) {
            return string.getString();
        }
        try {
            return "#" + HexFormat.of().formatHex(value.toASN1Primitive().getEncoded());
        } catch (IOException e) {
            return value.toString();
        }
    }

    private static String describeObject(Object object) {
        if (object instanceof PEMKeyPair || object instanceof PrivateKeyInfo || object instanceof PEMEncryptedKeyPair
                || object instanceof PKCS8EncryptedPrivateKeyInfo) {
            return "a private key";
        }
        return "something else (" + object.getClass().getSimpleName() + ")";
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** A problem with one field; {@code field} problems are DRF's own words, shown without a prefix. */
    private static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean field;

        private Problem(String message, boolean field) {
            super(message, null, false, false);
            this.field = field;
        }

        static Problem of(String message) {
            return new Problem(message, false);
        }

        static Problem field(String message) {
            return new Problem(message, true);
        }
    }
}
