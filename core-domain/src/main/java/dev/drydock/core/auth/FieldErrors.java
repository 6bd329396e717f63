package dev.drydock.core.auth;

import dev.drydock.ports.error.DrydockException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects messages per field, so one answer lists everything that is wrong. */
final class FieldErrors {
    static final String REQUIRED = "This field is required.";
    static final String BLANK = "This field may not be blank.";

    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    static String tooLong(int max) {
        return "Ensure this field has no more than " + max + " characters.";
    }

    void add(String field, String message) {
        errors.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
    }

    boolean has(String field) {
        return errors.containsKey(field);
    }

    /** Throws the collected messages, if there are any. */
    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw DrydockException.invalidFields(errors);
        }
    }
}
