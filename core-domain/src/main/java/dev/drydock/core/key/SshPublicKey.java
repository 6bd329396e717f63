package dev.drydock.core.key;

import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.error.InvalidException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An OpenSSH public key line, {@code <type> <base64 key data> [comment]}, checked the way sshd will
 * read it: the data must be valid base64 in the SSH wire format, and the type it declares inside
 * must be the type written in front. Problems are reported under the {@code public} field.
 *
 * @param type    the key type, for example {@code ssh-ed25519}
 * @param data    the base64 key data, as written
 * @param comment whatever follows the data (often user@host); may be empty
 */
public record SshPublicKey(String type, String data, String comment) {
    public static final String FIELD = "public";
    static final String INVALID_BASE64 = "Key contains invalid base64 chars";
    static final String BAD_FORM = "Key must have the form: <type> <base64 key data> [comment]";
    static final String NOT_ONE_LINE = "Key must be a single line with no control characters";

    /** The key types accepted, each with the EC curve its data names (empty for non-EC types). */
    private static final Map<String, String> TYPES = Map.of(
            "ssh-ed25519", "",
            "ecdsa-sha2-nistp256", "nistp256",
            "ecdsa-sha2-nistp384", "nistp384",
            "ecdsa-sha2-nistp521", "nistp521",
            "ssh-rsa", "",
            "sk-ssh-ed25519@openssh.com", "",
            "sk-ecdsa-sha2-nistp256@openssh.com", "nistp256");
    static final List<String> SUPPORTED = List.of("ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
            "ecdsa-sha2-nistp521", "ssh-rsa", "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com");
    /** Bytes of an uncompressed EC point (0x04, x, y) per curve. */
    private static final Map<String, Integer> POINT_BYTES = Map.of("nistp256", 65, "nistp384", 97, "nistp521", 133);
    private static final int ED25519_BYTES = 32;
    // OpenSSH refuses shorter RSA moduli.
    private static final int RSA_MIN_BITS = 1024;

    public SshPublicKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        comment = comment == null ? "" : comment;
        if (hasControl(type) || hasControl(data) || hasControl(comment)) {
            throw invalid(NOT_ONE_LINE);
        }
        if (!TYPES.containsKey(type)) {
            throw invalid("Key type " + type + " is not supported; use one of " + String.join(", ", SUPPORTED));
        }
        checkData(type, decode(data));
    }

    /**
     * Parses a key line; surrounding whitespace (a final newline, say) is ignored. A line break or
     * other control character inside is refused: the text goes into authorized_keys as is, where it
     * would start a second entry with options of the sender's choosing.
     */
    public static SshPublicKey parse(String text) {
        String line = text.strip();
        if (hasControl(line)) {
            throw invalid(NOT_ONE_LINE);
        }
        String[] parts = line.split(" +", 3);
        if (parts.length < 2) {
            throw invalid(BAD_FORM);
        }
        return new SshPublicKey(parts[0], parts[1], parts.length == 3 ? parts[2] : "");
    }

    /** The decoded key data (the SSH wire-format blob). */
    public byte[] blob() {
        return decode(data);
    }

    /** The legacy OpenSSH fingerprint: MD5 of the key data as lowercase hex pairs joined by colons. */
    public String fingerprint() {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(blob());
            return HexFormat.ofDelimiter(":").formatHex(md5);
        } catch (NoSuchAlgorithmException e) {
            // MD5 is required of every Java SE platform.
            throw new IllegalStateException("MD5 is not available", e);
        }
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029');
    }

    private static byte[] decode(String data) {
        try {
            return Base64.getDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw invalid(INVALID_BASE64);
        }
    }

    private static void checkData(String type, byte[] blob) {
        WireReader in = new WireReader(blob);
        String notValid = "Key data is not a valid " + type + " key";
        String declared = in.text().orElseThrow(() -> invalid(notValid));
        if (!declared.equals(type)) {
            throw invalid("Key type " + type + " does not match the key data, which is "
                    + (declared.matches("[\\x21-\\x7e]{1,64}") ? declared : "unreadable"));
        }
        boolean valid = switch (type) {
            case "ssh-rsa" -> {
                BigInteger exponent = in.mpint().orElse(BigInteger.ZERO);
                BigInteger modulus = in.mpint().orElse(BigInteger.ZERO);
                if (exponent.compareTo(BigInteger.ONE) <= 0 || modulus.signum() <= 0) {
                    yield false;
                }
                if (modulus.bitLength() < RSA_MIN_BITS) {
                    throw invalid("RSA keys must have at least " + RSA_MIN_BITS + " bits");
                }
                yield true;
            }
            case "ssh-ed25519" -> in.bytes().filter(key -> key.length == ED25519_BYTES).isPresent();
            case "sk-ssh-ed25519@openssh.com" -> in.bytes().filter(key -> key.length == ED25519_BYTES).isPresent()
                    && in.text().isPresent();
            default -> {
                String curve = TYPES.get(type);
                boolean point = in.text().filter(curve::equals).isPresent()
                        && in.bytes().filter(q -> q.length == POINT_BYTES.get(curve) && q[0] == 0x04).isPresent();
                yield point && (!type.startsWith("sk-") || in.text().isPresent());
            }
        };
        if (!valid || !in.atEnd()) {
            throw invalid(notValid);
        }
    }

    private static InvalidException invalid(String message) {
        return DrydockException.invalidField(FIELD, message);
    }

    /** Reads SSH wire-format fields: uint32 length, then that many bytes. */
    private static final class WireReader {
        private final byte[] data;
        private int position;

        WireReader(byte[] data) {
            this.data = data;
        }

        Optional<byte[]> bytes() {
            if (data.length - position < 4) {
                return Optional.empty();
            }
            long length = ((data[position] & 0xffL) << 24) | ((data[position + 1] & 0xffL) << 16)
                    | ((data[position + 2] & 0xffL) << 8) | (data[position + 3] & 0xffL);
            if (length > data.length - position - 4) {
                return Optional.empty();
            }
            int start = position + 4;
            position = start + (int) length;
            return Optional.of(Arrays.copyOfRange(data, start, position));
        }

        Optional<String> text() {
            return bytes().map(raw -> new String(raw, StandardCharsets.US_ASCII));
        }

        Optional<BigInteger> mpint() {
            return bytes().map(raw -> raw.length == 0 ? BigInteger.ZERO : new BigInteger(raw));
        }

        boolean atEnd() {
            return position == data.length;
        }
    }
}
