package dev.drydock.http.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.drydock.ports.model.User;

/** An entry of the admin list. */
public record AdminJson(String username, @JsonProperty("is_superuser") boolean superuser) {

    public static AdminJson of(User user) {
        return new AdminJson(user.username(), user.superuser());
    }
}
