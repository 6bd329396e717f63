package dev.drydock.core.app;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** What an app id must look like, with the platform's messages, all of which are reported at once. */
final class AppIdRules {
    static final int MAX_LENGTH = 63;
    static final String BLANK = "This field may not be blank.";
    static final String TOO_LONG = "Ensure this field has no more than 63 characters.";
    static final String NOT_SLUG = "Enter a valid 'slug' consisting of letters, numbers, underscores or hyphens.";
    static final String BAD_NAME = "App name must start with an alphabetic character, cannot end with a hyphen "
            + "and can only contain a-z (lowercase), 0-9 and hyphens.";
    static final String TAKEN = "Application with this id already exists.";

    private static final Pattern SLUG = Pattern.compile("[-a-zA-Z0-9_]+");
    // The id is also a namespace and a hostname label.
    private static final Pattern APP_NAME = Pattern.compile("[a-z]([a-z0-9-]*[a-z0-9])?");

    private AppIdRules() {
    }

    static String reserved(String id) {
        return id + " is a reserved name.";
    }

    /** The format problems of an id (empty when there are none); uniqueness is checked by the caller. */
    static List<String> problems(String id, Collection<String> reservedNames) {
        List<String> problems = new ArrayList<>();
        if (id.isEmpty()) {
            problems.add(BLANK);
            return problems;
        }
        if (id.length() > MAX_LENGTH) {
            problems.add(TOO_LONG);
        }
        if (!SLUG.matcher(id).matches()) {
            problems.add(NOT_SLUG);
        }
        if (!APP_NAME.matcher(id).matches()) {
            problems.add(BAD_NAME);
        }
        if (reservedNames.contains(id)) {
            problems.add(reserved(id));
        }
        return problems;
    }
}
