package cn.ogi.web.auth;

import cn.ogi.form.identity.DivisionCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * {@code deploy/local/token --role supervisor --jurisdiction 371500 --subject alice [--ttl 8h] --key private.pem}:
 * prints a token signed with the local key, and nothing else, so that scripts can use it.
 */
public final class TokenCommand {

    private TokenCommand() {}

    public static void main(String[] args) {
        Set<String> roles = new LinkedHashSet<>();
        String jurisdiction = null;
        String subject = null;
        String key = null;
        String issuer = TokenMinter.LOCAL_ISSUER;
        Duration ttl = Duration.ofHours(8);
        for (int i = 0; i < args.length; i += 2) { // every option takes a value
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--role" -> roles.add(required("--role", value));
                case "--jurisdiction" -> jurisdiction = required("--jurisdiction", value);
                case "--subject" -> subject = required("--subject", value);
                case "--ttl" -> ttl = duration(required("--ttl", value));
                case "--key" -> key = required("--key", value);
                case "--issuer" -> issuer = required("--issuer", value);
                default -> fail("unknown option " + args[i]);
            }
        }
        if (roles.isEmpty() || subject == null || key == null) {
            fail("usage: token --role R [--role R2] --subject S [--jurisdiction CODE] [--ttl 8h] --key private.pem");
        }
        for (String role : roles) {
            if (!Roles.ALL.contains(role)) {
                fail("unknown role '" + role + "'; roles are " + Roles.ALL);
            }
        }
        if (jurisdiction != null && DivisionCode.problem(jurisdiction).isPresent()) {
            fail("--jurisdiction: " + DivisionCode.problem(jurisdiction).get());
        }
        if (jurisdiction == null && !roles.contains(Roles.ADMIN) && !roles.contains(Roles.SERVICE)) {
            fail("--jurisdiction is required for the roles " + roles);
        }
        // The services refuse longer-lived tokens (TokenRules, ogi.token.max-lifetime / max-service-lifetime).
        Duration max = roles.contains(Roles.SERVICE)
                ? TokenLimits.DEFAULT_MAX_SERVICE_LIFETIME
                : TokenLimits.DEFAULT_MAX_LIFETIME;
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(max) > 0) {
            fail("--ttl " + ttl.toHours() + "h: the services accept at most " + max.toHours() + "h for "
                    + (roles.contains(Roles.SERVICE) ? "service" : "personal") + " tokens");
        }
        System.out.println(
                new TokenMinter(Pem.readPrivateKey(Path.of(key)), issuer).mint(subject, roles, jurisdiction, ttl));
    }

    /** 30s, 15m, 8h, 30d, or an ISO-8601 duration. */
    static Duration duration(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(text);
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new IllegalArgumentException();
            };
        } catch (RuntimeException e) {
            fail("--ttl: '" + text + "' is not a duration like 30m, 8h or 7d");
            return null;
        }
    }

    private static String required(String option, String value) {
        if (value == null || value.startsWith("--")) {
            fail(option + " needs a value");
        }
        return value;
    }

    private static void fail(String message) {
        System.err.println("token: " + message);
        System.exit(2);
    }
}
