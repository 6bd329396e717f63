package dev.drydock.core.auth;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/** The field rules of accounts, with the platform's (Django's) messages. */
final class UserRules {
    static final int USERNAME_MAX = 150;
    static final int PASSWORD_MAX = 128;
    static final int EMAIL_MAX = 254;
    static final int NAME_MAX = 30;

    static final String USERNAME_INVALID = "Enter a valid username. This value may contain only letters, numbers, "
            + "and @/./+/-/_ characters.";
    static final String USERNAME_TAKEN = "A user with that username already exists.";
    static final String EMAIL_INVALID = "Enter a valid email address.";

    // Python 3's \w is Unicode-aware, so letters and digits of any script are allowed.
    private static final Pattern USERNAME = Pattern.compile("[\\w.@+-]+", Pattern.UNICODE_CHARACTER_CLASS);

    // Django's EmailValidator: dot-atom or quoted local part; hostname labels and a TLD of 2-63.
    private static final Pattern EMAIL_USER = Pattern.compile(
            "[-!#$%&'*+/=?^_`{}|~0-9A-Z]+(\\.[-!#$%&'*+/=?^_`{}|~0-9A-Z]+)*"
                    + "|\"([\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f!#-\\[\\]-\\x7f]|\\\\[\\x01-\\x09\\x0b\\x0c\\x0e-\\x7f])*\"",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL_DOMAIN = Pattern.compile(
            "((?:[A-Z0-9](?:[A-Z0-9-]{0,61}[A-Z0-9])?\\.)+)(?:[A-Z0-9-]{2,63}(?<!-))",
            Pattern.CASE_INSENSITIVE);

    private UserRules() {
    }

    static boolean validUsername(String username) {
        return USERNAME.matcher(username).matches();
    }

    static boolean validEmail(String email) {
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1) {
            return false;
        }
        String user = email.substring(0, at);
        String domain = email.substring(at + 1);
        if (!EMAIL_USER.matcher(user).matches()) {
            return false;
        }
        if (domain.equals("localhost") || EMAIL_DOMAIN.matcher(domain).matches()) {
            return true;
        }
        try {
            String ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
            return EMAIL_DOMAIN.matcher(ascii).matches();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Username checks that need no store: required, blank, length, characters. */
    static void checkUsername(String username, FieldErrors errors) {
        if (username == null) {
            errors.add("username", FieldErrors.REQUIRED);
        } else if (username.isEmpty()) {
            errors.add("username", FieldErrors.BLANK);
        } else {
            if (username.length() > USERNAME_MAX) {
                errors.add("username", FieldErrors.tooLong(USERNAME_MAX));
            }
            if (!validUsername(username)) {
                errors.add("username", USERNAME_INVALID);
            }
        }
    }

    static void checkPassword(String password, FieldErrors errors) {
        if (password == null) {
            errors.add("password", FieldErrors.REQUIRED);
        } else if (password.isBlank()) {
            errors.add("password", FieldErrors.BLANK);
        } else if (password.length() > PASSWORD_MAX) {
            errors.add("password", FieldErrors.tooLong(PASSWORD_MAX));
        }
    }

    static void checkEmail(String email, FieldErrors errors) {
        if (email == null || email.isEmpty()) {
            return;
        }
        if (email.length() > EMAIL_MAX) {
            errors.add("email", FieldErrors.tooLong(EMAIL_MAX));
        }
        if (!validEmail(email)) {
            errors.add("email", EMAIL_INVALID);
        }
    }

    static void checkName(String field, String value, FieldErrors errors) {
        if (value != null && value.length() > NAME_MAX) {
            errors.add(field, FieldErrors.tooLong(NAME_MAX));
        }
    }

    /** Like the platform's form fields: surrounding whitespace is not part of a value. */
    static String trim(String value) {
        return value == null ? null : value.strip();
    }
}
