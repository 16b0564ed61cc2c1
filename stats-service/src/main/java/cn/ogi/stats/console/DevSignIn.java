package cn.ogi.stats.console;

import cn.ogi.form.identity.DivisionCode;
import cn.ogi.web.Problem;
import cn.ogi.web.ProblemException;
import cn.ogi.web.auth.Pem;
import cn.ogi.web.auth.Roles;
import cn.ogi.web.auth.TokenMinter;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Mints a token for the dev sign-in page with the local private key — only where {@code
 * stats.console.dev-sign-in.enabled} is set (deploy/local/start). A misconfigured dev sign-in stops the service at
 * start rather than failing on the first sign-in.
 */
@ApplicationScoped
public class DevSignIn {

    private static final Logger LOG = Logger.getLogger(DevSignIn.class);
    /** The people a console serves; "service" is for the services among themselves, never a person. */
    static final Set<String> ROLES = Set.of(Roles.SUPERVISOR, Roles.VIEWER, Roles.ADMIN, Roles.SUBMITTER);

    @Inject
    ConsoleSettings settings;

    // SmallRye JWT's key, not the platform's (no stats.* mapping): read with @ConfigProperty, as the framework's are
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String verifiedIssuer;

    private volatile TokenMinter minter;

    /** A signed-in person's token and how long it lasts. */
    public record Token(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn) {}

    void check(@Observes StartupEvent start) {
        if (!enabled()) {
            return;
        }
        var key = settings.devSignIn().privateKey();
        if (key.isEmpty() || !Files.isReadable(key.get())) {
            throw new IllegalStateException("stats.console.dev-sign-in.enabled is true, but "
                    + "stats.console.dev-sign-in.private-key (STATS_CONSOLE_DEV_SIGN_IN_PRIVATE_KEY) "
                    + key.map(p -> p + " is not a readable file").orElse("is not set"));
        }
        minter = new TokenMinter(
                Pem.readPrivateKey(key.get()), settings.devSignIn().issuer().orElse(verifiedIssuer));
        LOG.warn("The console's dev sign-in is enabled: anyone who reaches /dashboard/signin can sign in with any "
                + "role. Never enable it in production.");
    }

    public boolean enabled() {
        return settings.devSignIn().enabled();
    }

    /** A token for {@code name} acting as {@code role} for {@code jurisdiction}; 400 naming a bad field. */
    public Token signIn(String role, String jurisdiction, String name) {
        if (!enabled() || minter == null) {
            throw ProblemException.notFound("dev-sign-in-disabled", "The dev sign-in is not enabled on this server");
        }
        List<Problem.InputError> errors = new ArrayList<>();
        if (role == null || !ROLES.contains(role)) {
            errors.add(new Problem.InputError(
                    null, "role", "must be one of " + ROLES.stream().sorted().toList()));
        }
        String subject = name == null ? "" : name.strip();
        if (subject.isEmpty() || subject.length() > 100) {
            errors.add(new Problem.InputError(null, "name", "is required (1 to 100 characters)"));
        }
        String node = jurisdiction == null || jurisdiction.isBlank() ? null : jurisdiction.strip();
        if (node != null) {
            DivisionCode.problem(node).ifPresent(p -> errors.add(new Problem.InputError(null, "jurisdiction", p)));
        } else if (!Roles.ADMIN.equals(role)) {
            errors.add(new Problem.InputError(null, "jurisdiction", "is required for the role " + role));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(
                            "invalid-parameters",
                            "Field '" + errors.get(0).field() + "' "
                                    + errors.get(0).message())
                    .withErrors(errors);
        }
        var ttl = settings.devSignIn().ttl();
        return new Token(minter.mint(subject, Set.of(role), node, ttl), "Bearer", ttl.toSeconds());
    }
}
