package dev.drydock.core.key;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/** Real keys made with the JDK, written as OpenSSH public key lines. */
final class OpenSshKeys {
    private OpenSshKeys() {
    }

    static String rsa(int bits, String comment) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        RSAPublicKey key = (RSAPublicKey) generator.generateKeyPair().getPublic();
        return line("ssh-rsa", blob(text("ssh-rsa"), mpint(key.getPublicExponent()), mpint(key.getModulus())),
                comment);
    }

    static String ed25519(String comment) throws Exception {
        byte[] spki = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
        // The X.509 encoding ends with the 32 raw key bytes.
        byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        return line("ssh-ed25519", blob(text("ssh-ed25519"), string(raw)), comment);
    }

    static String ecdsa(int bits, String comment) throws Exception {
        String curve = "nistp" + bits;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp" + bits + "r1"));
        ECPublicKey key = (ECPublicKey) generator.generateKeyPair().getPublic();
        int size = (bits + 7) / 8;
        byte[] point = new byte[1 + 2 * size];
        point[0] = 0x04;
        copyFixed(key.getW().getAffineX(), point, 1, size);
        copyFixed(key.getW().getAffineY(), point, 1 + size, size);
        String type = "ecdsa-sha2-" + curve;
        return line(type, blob(text(type), text(curve), string(point)), comment);
    }

    static String line(String type, byte[] blob, String comment) {
        String base = type + " " + Base64.getEncoder().encodeToString(blob);
        return comment.isEmpty() ? base : base + " " + comment;
    }

    static byte[] blob(byte[]... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] field : fields) {
            out.writeBytes(field);
        }
        return out.toByteArray();
    }

    static byte[] text(String value) {
        return string(value.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] mpint(BigInteger value) {
        return string(value.toByteArray());
    }

    static byte[] string(byte[] value) {
        byte[] out = new byte[4 + value.length];
        out[0] = (byte) (value.length >>> 24);
        out[1] = (byte) (value.length >>> 16);
        out[2] = (byte) (value.length >>> 8);
        out[3] = (byte) value.length;
        System.arraycopy(value, 0, out, 4, value.length);
        return out;
    }

    private static void copyFixed(BigInteger value, byte[] target, int offset, int size) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > size ? bytes.length - size : 0;
        int length = bytes.length - skip;
        System.arraycopy(bytes, skip, target, offset + size - length, length);
    }
}
