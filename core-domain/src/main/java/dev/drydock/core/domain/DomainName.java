package dev.drydock.core.domain;

import com.ibm.icu.text.IDNA;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.error.InvalidException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A hostname as the platform stores it: every label in its IDNA2008 ASCII (ACE) form, an optional
 * leading {@code *.} wildcard, at most 253 characters. Made from what a user typed (Unicode or
 * ASCII, one trailing dot allowed); an invalid name cannot be made and fails with a message under
 * the field {@code domain}.
 *
 * @param value the ASCII form
 */
public record DomainName(String value) {
    public static final String FIELD = "domain";
    public static final int MAX_LENGTH = 253;

    static final String ONLY_WILDCARD = "Hostname can't only be a wildcard";
    static final String NOT_VALID = "Hostname does not look valid.";
    static final String TOO_LONG = "Hostname must be 253 characters or less.";

    // UTS #46 nontransitional is IDNA2008 plus the mapping browsers do (case folding, width);
    // STD3 rules refuse what a hostname may not hold (underscore, '*', space).
    private static final IDNA UTS46 = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII | IDNA.USE_STD3_RULES
            | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ | IDNA.CHECK_CONTEXTO);

    public DomainName {
        Objects.requireNonNull(value, "value");
        value = toAscii(value);
    }

    /** Validates and converts what a user typed. */
    public static DomainName of(String input) {
        return new DomainName(input);
    }

    /**
     * The form to look a stored domain up by: the ASCII form when the input converts, else the
     * input as given (it then simply matches nothing).
     */
    public static String lookupForm(String input) {
        try {
            return toAscii(input.strip());
        } catch (InvalidException notAHostname) {
            return input;
        }
    }

    public boolean wildcard() {
        return value.startsWith("*.");
    }

    @Override
    public String toString() {
        return value;
    }

    private static String toAscii(String input) {
        String name = input.endsWith(".") ? input.substring(0, input.length() - 1) : input;
        if (name.equals("*")) {
            throw invalid(ONLY_WILDCARD);
        }
        List<String> labels = new ArrayList<>(Arrays.asList(name.split("\\.", -1)));
        boolean wildcard = labels.get(0).equals("*");
        if (wildcard) {
            labels.remove(0);
        }
        List<String> ascii = new ArrayList<>(labels.size());
        for (String label : labels) {
            ascii.add(labelToAscii(label, name));
        }
        String last = ascii.get(ascii.size() - 1);
        // RFC 3696: a top-level domain is never all digits (this also refuses bare IPv4 addresses)
        if (!last.isEmpty() && last.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(NOT_VALID);
        }
        String result = (wildcard ? "*." : "") + String.join(".", ascii);
        if (result.length() > MAX_LENGTH) {
            throw invalid(TOO_LONG);
        }
        return result;
    }

    private static String labelToAscii(String label, String name) {
        IDNA.Info info = new IDNA.Info();
        StringBuilder out = new StringBuilder();
        UTS46.labelToASCII(label, out, info);
        if (info.hasErrors()) {
            throw invalid("Hostname does not look valid, could not convert to ACE " + name + ": "
                    + describe(label, info.getErrors()));
        }
        // UTS #46 lower-cases; upstream keeps an ASCII label as typed (MYDOMAIN.NET stays so)
        return isAscii(label) ? label : out.toString();
    }

    private static boolean isAscii(String label) {
        return label.chars().allMatch(c -> c < 0x80);
    }

    private static String describe(String label, Set<IDNA.Error> errors) {
        IDNA.Error error = errors.stream().min(Enum::compareTo).orElseThrow();
        String quoted = "'" + label + "'";
        return switch (error) {
            case EMPTY_LABEL -> "Empty Label";
            case LABEL_TOO_LONG, DOMAIN_NAME_TOO_LONG -> "Label too long";
            case LEADING_HYPHEN, TRAILING_HYPHEN -> "Label must not start or end with a hyphen";
            case HYPHEN_3_4 -> "Label has disallowed hyphens in 3rd and 4th position";
            case LEADING_COMBINING_MARK -> "Label begins with an illegal combining character";
            case DISALLOWED, LABEL_HAS_DOT -> disallowedCodepoint(label);
            case PUNYCODE, INVALID_ACE_LABEL -> "The label " + quoted + " is not a valid A-label";
            case BIDI -> "Label " + quoted + " breaks the rules for right-to-left text";
            case CONTEXTJ -> "Label " + quoted + " has a joiner where none is allowed";
            case CONTEXTO_PUNCTUATION, CONTEXTO_DIGITS -> "Label " + quoted
                    + " has a codepoint that is not allowed in this context";
        };
    }

    private static String disallowedCodepoint(String label) {
        int position = 1;
        for (int i = 0; i < label.length(); i += Character.charCount(label.codePointAt(i)), position++) {
            int codePoint = label.codePointAt(i);
            IDNA.Info info = new IDNA.Info();
            UTS46.labelToASCII(new String(Character.toChars(codePoint)), new StringBuilder(), info);
            if (info.getErrors().contains(IDNA.Error.DISALLOWED) || info.getErrors().contains(IDNA.Error.LABEL_HAS_DOT)) {
                return String.format(Locale.ROOT, "Codepoint U+%04X at position %d of '%s' not allowed",
                        codePoint, position, label);
            }
        }
        return "Label '" + label + "' holds a codepoint that is not allowed";
    }

    private static InvalidException invalid(String message) {
        return DrydockException.invalidField(FIELD, message);
    }
}
