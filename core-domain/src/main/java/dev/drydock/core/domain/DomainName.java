package dev.drydock.core.domain;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.IDNA;
import com.ibm.icu.util.ICUInputTooLongException;
import dev.drydock.ports.error.DrydockException;
import dev.drydock.ports.error.InvalidException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

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
    // STD3 rules refuse what a hostname may not hold (underscore, '*', space). What UTS #46 lets
    // through but IDNA2008 refuses (symbols, RFC 5892's exceptions) is refused after it.
    private static final IDNA UTS46 = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII
            | IDNA.NONTRANSITIONAL_TO_UNICODE | IDNA.USE_STD3_RULES
            | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ | IDNA.CHECK_CONTEXTO);

    private static final Set<IDNA.Error> CONTEXT_AND_DIRECTION = EnumSet.of(IDNA.Error.BIDI, IDNA.Error.CONTEXTJ,
            IDNA.Error.CONTEXTO_PUNCTUATION, IDNA.Error.CONTEXTO_DIGITS);

    // RFC 5892 2.6 exceptions: PVALID (00DF, 03C2, 06FD, 06FE, 0F0B, 3007) and CONTEXTO (00B7, 0375,
    // 05F3, 05F4, 30FB, Arabic-Indic and extended digits) whose category alone would refuse them;
    // CONTEXTJ 200C, 200D.
    private static final Set<Integer> EXCEPTIONS_ALLOWED = codePoints(
            "\u00DF\u03C2\u06FD\u06FE\u0F0B\u3007\u00B7\u0375\u05F3\u05F4\u30FB"
                    + "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
                    + "\u06F0\u06F1\u06F2\u06F3\u06F4\u06F5\u06F6\u06F7\u06F8\u06F9\u200C\u200D");
    // RFC 5892 2.6 exceptions DISALLOWED although their category is a letter or mark
    private static final Set<Integer> EXCEPTIONS_DISALLOWED = codePoints(
            "\u0640\u07FA\u302E\u302F\u3031\u3032\u3033\u3034\u3035\u303B");
    private static final Set<UCharacter.UnicodeBlock> IGNORABLE_OR_OLD_HANGUL_BLOCKS = Set.of(
            UCharacter.UnicodeBlock.COMBINING_MARKS_FOR_SYMBOLS,
            UCharacter.UnicodeBlock.MUSICAL_SYMBOLS,
            UCharacter.UnicodeBlock.ANCIENT_GREEK_MUSICAL_NOTATION,
            UCharacter.UnicodeBlock.HANGUL_JAMO,
            UCharacter.UnicodeBlock.HANGUL_JAMO_EXTENDED_A,
            UCharacter.UnicodeBlock.HANGUL_JAMO_EXTENDED_B);

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
        try {
            UTS46.labelToASCII(label, out, info);
        } catch (ICUInputTooLongException e) {
            // ICU's Punycode refuses more than 1,000 code units: a label that long is taken as too long.
            throw invalid("Hostname does not look valid, could not convert to ACE " + name + ": "
                    + describe(label, EnumSet.of(IDNA.Error.LABEL_TOO_LONG)));
        }
        String ace = out.toString();
        if (info.hasErrors()) {
            // IDNA2008 looks at each code point before the context and direction rules: so does the message
            if (CONTEXT_AND_DIRECTION.containsAll(info.getErrors())) {
                refuseWhatIdna2008Disallows(ace, name);
            }
            throw invalid("Hostname does not look valid, could not convert to ACE " + name + ": "
                    + describe(label, info.getErrors()));
        }
        refuseWhatIdna2008Disallows(ace, name);
        // UTS #46 lower-cases; upstream keeps an ASCII label as typed (MYDOMAIN.NET stays so)
        return isAscii(label) ? label : ace;
    }

    /**
     * UTS #46 accepts what IDNA2008 marks NV8 (symbols and punctuation, such as emoji) and a few
     * code points RFC 5892 disallows by exception; upstream's IDNA2008 refuses them. Checked on
     * the label as mapped (decoded from its ACE form, so an A-label typed as such is checked too),
     * with the rules of RFC 5892 section 2 that UTS #46 leaves out.
     */
    private static void refuseWhatIdna2008Disallows(String ace, String name) {
        if (!ace.regionMatches(true, 0, "xn--", 0, 4)) {
            return; // letters, digits and hyphens only: all allowed
        }
        StringBuilder mapped = new StringBuilder();
        UTS46.labelToUnicode(ace, mapped, new IDNA.Info());
        String label = mapped.toString();
        int position = 1;
        for (int i = 0; i < label.length(); i += Character.charCount(label.codePointAt(i)), position++) {
            int codePoint = label.codePointAt(i);
            if (!idna2008Allows(codePoint)) {
                throw invalid("Hostname does not look valid, could not convert to ACE " + name + ": "
                        + String.format(Locale.ROOT, "Codepoint U+%04X at position %d of '%s' not allowed",
                                codePoint, position, label));
            }
        }
    }

    /** RFC 5892 section 2, for code points UTS #46 has already let through and mapped. */
    private static boolean idna2008Allows(int codePoint) {
        if (EXCEPTIONS_ALLOWED.contains(codePoint)) {
            return true; // 2.6 PVALID and CONTEXTO exceptions; CONTEXTJ (ZWNJ, ZWJ) too, ICU checks their context
        }
        if (EXCEPTIONS_DISALLOWED.contains(codePoint)
                || UCharacter.hasBinaryProperty(codePoint, UProperty.DEFAULT_IGNORABLE_CODE_POINT)) {
            return false; // 2.6 DISALLOWED exceptions, 2.7 ignorable properties
        }
        if (IGNORABLE_OR_OLD_HANGUL_BLOCKS.contains(UCharacter.UnicodeBlock.of(codePoint))) {
            return false; // 2.8 ignorable blocks, 2.9 old Hangul jamo
        }
        if (codePoint == '-') {
            return true;
        }
        // ICU's category, not the JDK's: ICU's Unicode version is the one that mapped the label
        return switch (UCharacter.getType(codePoint)) {
            // 2.1 LetterDigits
            case UCharacterCategory.LOWERCASE_LETTER, UCharacterCategory.OTHER_LETTER,
                    UCharacterCategory.MODIFIER_LETTER, UCharacterCategory.NON_SPACING_MARK,
                    UCharacterCategory.COMBINING_SPACING_MARK, UCharacterCategory.DECIMAL_DIGIT_NUMBER -> true;
            // The mapping has case-folded the label: the only capitals left are those case folding
            // keeps (Cherokee, whose letters were Lo when IDNA2008 made them PVALID), still allowed.
            case UCharacterCategory.UPPERCASE_LETTER, UCharacterCategory.TITLECASE_LETTER -> true;
            default -> false;
        };
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

    private static Set<Integer> codePoints(String text) {
        return text.codePoints().boxed().collect(Collectors.toUnmodifiableSet());
    }

    private static InvalidException invalid(String message) {
        return DrydockException.invalidField(FIELD, message);
    }
}
