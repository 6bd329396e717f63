package dev.drydock.http.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.drydock.ports.model.Timestamps;
import dev.drydock.ports.model.User;
import java.util.List;

/** A user as register, whoami and the user list show it (no id, never the password). */
public record UserJson(String email, String username,
                       @JsonProperty("first_name") String firstName,
                       @JsonProperty("last_name") String lastName,
                       @JsonProperty("is_superuser") boolean superuser,
                       @JsonProperty("is_staff") boolean staff,
                       List<String> groups,
                       @JsonProperty("user_permissions") List<String> userPermissions,
                       @JsonProperty("last_login") String lastLogin,
                       @JsonProperty("date_joined") String dateJoined,
                       @JsonProperty("is_active") boolean active) {

    public static UserJson of(User user) {
        return new UserJson(user.email(), user.username(), user.firstName(), user.lastName(),
                user.superuser(), user.staff(), List.of(), List.of(),
                Timestamps.format(user.lastLogin()), Timestamps.format(user.dateJoined()), user.active());
    }
}
