package dev.drydock.ports.usecase;

/** A sign-up request; null means the field was not sent. The password is left out of {@link #toString()}. */
public record Registration(String username, String password, String email, String firstName, String lastName) {
    @Override
    public String toString() {
        return "Registration[" + username + "]";
    }
}
