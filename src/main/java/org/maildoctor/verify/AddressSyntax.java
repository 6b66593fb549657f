package org.maildoctor.verify;

import com.sanctionco.jmail.Email;
import com.sanctionco.jmail.EmailValidationResult;
import com.sanctionco.jmail.EmailValidator;
import com.sanctionco.jmail.JMail;
import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

/**
 * Address syntax per RFC 5321/5322 (quoted local parts, SMTPUTF8 local parts, IDN domains) through
 * JMail, plus the rules a deliverable address needs beyond the grammar: a dotted domain name (no
 * bare host, no IP literal, no source route) that converts to an A-label within DNS limits.
 */
public final class AddressSyntax {
    /** RFC 5321 §4.5.3.1.3: a path is at most 256 octets, so an address is at most 254. */
    public static final int MAX_LENGTH = 254;

    private static final EmailValidator VALIDATOR = JMail.strictValidator()
            .disallowIpDomain()
            .requireTopLevelDomain()
            .disallowExplicitSourceRouting()
            .disallowObsoleteWhitespace();

    private AddressSyntax() {
    }

    /** A syntactically valid address: {@code domain} is the lower-case A-label form. */
    public record Parsed(String localPart, String domain) {
        public String normalized() {
            return localPart + "@" + domain;
        }
    }

    /** The parsed address, or empty with {@code why} explaining the failure. */
    public sealed interface Result {
        record Valid(Parsed address) implements Result {
        }

        record Invalid(String why) implements Result {
        }
    }

    public static Result parse(String input) {
        if (input == null || input.isBlank()) {
            return new Result.Invalid("empty address");
        }
        String s = input.strip();
        if (s.length() > MAX_LENGTH) {
            return new Result.Invalid("longer than " + MAX_LENGTH + " characters (RFC 5321 §4.5.3.1.3)");
        }
        EmailValidationResult r = VALIDATOR.validate(s);
        Optional<Email> email = r.getEmail();
        if (r.isFailure() || email.isEmpty()) {
            return new Result.Invalid("invalid address syntax (" + r.getFailureReason().toString()
                    .toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
        }
        Email e = email.get();
        String domain;
        try {
            domain = IDN.toASCII(e.domainWithoutComments(), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException ex) {
            return new Result.Invalid("the domain is not a valid internationalized name");
        }
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (domain.length() > 253 || !domain.contains(".")) {
            return new Result.Invalid("the domain is not a valid host name");
        }
        return new Result.Valid(new Parsed(e.localPartWithoutComments(), domain));
    }
}
