package dev.drydock.ports.usecase;

/**
 * A password change; null means the field was not sent. {@code username} names the target (the
 * caller when null), {@code password} is the target's current password. Left out of
 * {@link #toString()}.
 */
public record PasswordChange(String username, String password, String newPassword) {
    @Override
    public String toString() {
        return "PasswordChange[" + username + "]";
    }
}
