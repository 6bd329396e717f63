package dev.drydock.core.key;

import static dev.drydock.core.key.OpenSshKeys.blob;
import static dev.drydock.core.key.OpenSshKeys.line;
import static dev.drydock.core.key.OpenSshKeys.string;
import static dev.drydock.core.key.OpenSshKeys.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drydock.ports.error.InvalidException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SshPublicKeyTest {
    // Made with ssh-keygen; fingerprints from `ssh-keygen -l -E md5`.
    private static final String ED25519 = "ssh-ed25519 "
            + "AAAAC3NzaC1lZDI1NTE5AAAAIMxztR+p5+cyU7/ci+vg3yDwOwdBa0iYIvZIkxghVGk7 fixture@example";
    private static final String RSA = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDTHiUkWRluQcqYqN+Vcq+rTjdYvJMDVHJE0sZDXE"
            + "l3xczGRrrOe8sSCX/vx+DyrVMuWNjo76SDx8C4h51qC9DwdBsGzXZuT1YXz4YXK7KVVsRoNfpiXkIrE5xXMWRLVWWFuCw7mkKp33C1MN"
            + "0mGsxUZQj7T3omBQVkVHWPF6bSY6Waaon/1j4zqS2fOKZgrWjr/8tTi/gwRkqQmvJrybKwDzRtai2P/tNQIoCqPSSutGc+hi2va6GJ45l"
            + "tVQgT7//tlVgk9krQbxOfdWUQOLDl9UwNNuprrAqMdEXEiZx8YVtkxC9eYtLA5P5VVBkyp1zfEwVUNeUmNRW0lOl5SpPd rsa@example";

    private static void assertRefused(String text, String message) {
        assertThatThrownBy(() -> SshPublicKey.parse(text)).isInstanceOfSatisfying(InvalidException.class,
                e -> assertThat(e.fieldErrors()).isEqualTo(Map.of("public", List.of(message))));
    }

    @Test
    void fingerprintsLikeOpenSsh() {
        assertThat(SshPublicKey.parse(ED25519).fingerprint()).isEqualTo("c0:ca:45:b9:8a:60:9a:95:70:c7:4f:cd:14:39:d2:d7");
        assertThat(SshPublicKey.parse(RSA).fingerprint()).isEqualTo("63:3f:78:df:87:34:31:4c:86:d4:e8:1b:d3:84:ed:9c");
    }

    @Test
    void splitsTypeDataAndComment() {
        SshPublicKey key = SshPublicKey.parse("  " + ED25519.replace(" fixture", "   fixture") + " more words\n");

        assertThat(key.type()).isEqualTo("ssh-ed25519");
        assertThat(key.data()).isEqualTo("AAAAC3NzaC1lZDI1NTE5AAAAIMxztR+p5+cyU7/ci+vg3yDwOwdBa0iYIvZIkxghVGk7");
        assertThat(key.comment()).isEqualTo("fixture@example more words");
        assertThat(SshPublicKey.parse(ED25519.substring(0, ED25519.indexOf(" fixture"))).comment()).isEmpty();
    }

    @Test
    void acceptsKeysOfEverySupportedTypeMadeByTheJdk() throws Exception {
        List<String> keys = List.of(OpenSshKeys.rsa(2048, "rsa@box"), OpenSshKeys.ed25519("ed@box"),
                OpenSshKeys.ecdsa(256, "p256@box"), OpenSshKeys.ecdsa(384, "p384@box"),
                OpenSshKeys.ecdsa(521, ""));
        for (String text : keys) {
            SshPublicKey key = SshPublicKey.parse(text);
            byte[] blob = Base64.getDecoder().decode(text.split(" ")[1]);
            String md5 = HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("MD5").digest(blob));
            assertThat(key.type()).isEqualTo(text.split(" ")[0]);
            assertThat(key.fingerprint()).isEqualTo(md5).matches("([0-9a-f]{2}:){15}[0-9a-f]{2}");
        }
    }

    @Test
    void acceptsSecurityKeyTypes() {
        byte[] ed = new byte[32];
        String sk = line("sk-ssh-ed25519@openssh.com",
                blob(text("sk-ssh-ed25519@openssh.com"), string(ed), text("ssh:")), "yubikey");
        byte[] point = new byte[65];
        point[0] = 4;
        String skEc = line("sk-ecdsa-sha2-nistp256@openssh.com",
                blob(text("sk-ecdsa-sha2-nistp256@openssh.com"), text("nistp256"), string(point), text("ssh:")), "");

        assertThat(SshPublicKey.parse(sk).type()).isEqualTo("sk-ssh-ed25519@openssh.com");
        assertThat(SshPublicKey.parse(skEc).type()).isEqualTo("sk-ecdsa-sha2-nistp256@openssh.com");
    }

    @Test
    void refusesDataThatIsNotBase64() {
        assertRefused("ssh-rsa foo_bar", "Key contains invalid base64 chars");
        assertRefused("ssh-ed25519 AAAA$AAA comment", "Key contains invalid base64 chars");
    }

    @Test
    void refusesALineWithoutKeyData() {
        assertRefused("ssh-ed25519", "Key must have the form: <type> <base64 key data> [comment]");
        assertRefused("AAAAC3NzaC1lZDI1NTE5AAAAIMxztR", "Key must have the form: <type> <base64 key data> [comment]");
    }

    @Test
    void refusesUnsupportedTypes() {
        String data = ED25519.split(" ")[1];
        assertRefused("ssh-dss " + data, "Key type ssh-dss is not supported; use one of ssh-ed25519, "
                + "ecdsa-sha2-nistp256, ecdsa-sha2-nistp384, ecdsa-sha2-nistp521, ssh-rsa, "
                + "sk-ssh-ed25519@openssh.com, sk-ecdsa-sha2-nistp256@openssh.com");
        assertThatThrownBy(() -> SshPublicKey.parse("hello " + data)).isInstanceOf(InvalidException.class)
                .hasMessageContaining("Key type hello is not supported");
    }

    @Test
    void refusesATypeThatDiffersFromTheOneInsideTheData() throws Exception {
        String ed = OpenSshKeys.ed25519("");
        String rsa = OpenSshKeys.rsa(2048, "");

        assertRefused("ssh-rsa " + ed.split(" ")[1],
                "Key type ssh-rsa does not match the key data, which is ssh-ed25519");
        assertRefused("ecdsa-sha2-nistp256 " + rsa.split(" ")[1],
                "Key type ecdsa-sha2-nistp256 does not match the key data, which is ssh-rsa");
        assertRefused("ssh-ed25519 " + Base64.getEncoder().encodeToString(blob(string(new byte[] {1, 2, 3}))),
                "Key type ssh-ed25519 does not match the key data, which is unreadable");
    }

    @Test
    void refusesDataThatIsNotAWellFormedKey() throws Exception {
        assertRefused("ssh-ed25519 " + Base64.getEncoder().encodeToString("just some text".getBytes()),
                "Key data is not a valid ssh-ed25519 key");
        assertRefused(line("ssh-ed25519", blob(text("ssh-ed25519"), string(new byte[31])), ""),
                "Key data is not a valid ssh-ed25519 key");
        assertRefused(line("ssh-ed25519", blob(text("ssh-ed25519"), string(new byte[32]), new byte[] {0}), ""),
                "Key data is not a valid ssh-ed25519 key");
        assertRefused(line("ecdsa-sha2-nistp256", blob(text("ecdsa-sha2-nistp256"), text("nistp384"),
                string(new byte[65])), ""), "Key data is not a valid ecdsa-sha2-nistp256 key");
        String truncated = OpenSshKeys.rsa(2048, "");
        String data = truncated.split(" ")[1];
        byte[] blob = Base64.getDecoder().decode(data);
        assertRefused(line("ssh-rsa", java.util.Arrays.copyOf(blob, blob.length - 10), ""),
                "Key data is not a valid ssh-rsa key");
    }

    @Test
    void refusesRsaKeysSshdWouldRefuse() throws Exception {
        assertRefused(OpenSshKeys.rsa(512, "weak"), "RSA keys must have at least 1024 bits");
    }

    @Test
    void refusesControlCharactersInsideTheLine() throws Exception {
        String oneLine = "Key must be a single line with no control characters";
        String other = OpenSshKeys.rsa(2048, "x");

        assertRefused(ED25519 + "\ncommand=\"sh\" " + other, oneLine);
        assertRefused(ED25519 + "\r\n" + other, oneLine);
        assertRefused(ED25519.replace(" fixture", "\tfixture"), oneLine);
        assertRefused(ED25519 + "\u0085more", oneLine);
        assertRefused(ED25519 + "\u2028more", oneLine);
        assertRefused(ED25519 + "\u007f", oneLine);
        assertThatThrownBy(() -> new SshPublicKey("ssh-ed25519", ED25519.split(" ")[1], "a\nb"))
                .isInstanceOf(InvalidException.class);
        assertThat(SshPublicKey.parse("\n " + ED25519 + "\r\n").comment()).as("around the line is fine")
                .isEqualTo("fixture@example");
    }
}
