package cn.ogi.web.auth;

import cn.ogi.form.identity.DivisionCode;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The platform's rules for a token that SmallRye JWT has verified (signature, issuer, expiry): a bounded lifetime
 * ({@link TokenLimits}), {@code iat} not in the future, {@code roles} an array of strings, and a {@code jurisdiction}
 * that is a GB/T 2260 code string — required for every role bound to a jurisdiction. A token that breaks one is
 * refused with 401 and the reason, before any endpoint reads its claims.
 */
@ApplicationScoped
public class TokenRules implements SecurityIdentityAugmentor {

    @Inject
    TokenLimits limits;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken token) {
            Optional<String> problem = problem(token, Instant.now());
            if (problem.isPresent()) {
                return Uni.createFrom().failure(new TokenRefusedException(problem.get()).asAuthenticationFailure());
            }
        }
        return Uni.createFrom().item(identity);
    }

    /** Why the token is refused, or empty when it keeps every rule. */
    Optional<String> problem(JsonWebToken token, Instant now) {
        return problem(token, now, limits);
    }

    static Optional<String> problem(JsonWebToken token, Instant now, TokenLimits limits) {
        long issuedAt = token.getIssuedAtTime();
        long expires = token.getExpirationTime();
        if (issuedAt <= 0) {
            return Optional.of("it has no 'iat' (issued at) claim, so its lifetime cannot be checked");
        }
        if (issuedAt > now.plus(limits.clockSkew()).getEpochSecond()) {
            return Optional.of("it is issued in the future (iat " + Instant.ofEpochSecond(issuedAt) + ")");
        }
        Optional<String> roles = rolesProblem(token.getClaim("roles"));
        if (roles.isPresent()) {
            return roles;
        }
        boolean service = token.getGroups().contains(Roles.SERVICE);
        Duration max = service ? limits.maxServiceLifetime() : limits.maxLifetime();
        if (expires - issuedAt > max.toSeconds()) {
            return Optional.of("its lifetime (exp − iat) is "
                    + Duration.ofSeconds(expires - issuedAt).toHours()
                    + " h; at most " + max.toHours() + " h are accepted for " + (service ? "service" : "personal")
                    + " tokens (ogi.token.max-" + (service ? "service-" : "") + "lifetime)");
        }
        return jurisdictionProblem(token);
    }

    private static Optional<String> rolesProblem(Object claim) {
        if (claim instanceof JsonArray array) {
            if (array.isEmpty()) {
                return Optional.of("its 'roles' claim is an empty array");
            }
            for (JsonValue value : array) {
                if (!(value instanceof JsonString)) {
                    return Optional.of("its 'roles' claim must be an array of strings");
                }
            }
            return Optional.empty();
        }
        if (claim instanceof Collection<?> collection && !collection.isEmpty()) {
            return collection.stream().allMatch(v -> v instanceof String || v instanceof JsonString)
                    ? Optional.empty()
                    : Optional.of("its 'roles' claim must be an array of strings");
        }
        return Optional.of(
                claim == null ? "it has no 'roles' claim" : "its 'roles' claim must be an array of role names");
    }

    private static Optional<String> jurisdictionProblem(JsonWebToken token) {
        Object claim = token.getClaim("jurisdiction");
        boolean bound =
                !token.getGroups().contains(Roles.ADMIN) && !token.getGroups().contains(Roles.SERVICE);
        if (claim == null || claim == JsonValue.NULL) {
            return bound
                    ? Optional.of("its 'jurisdiction' claim is missing; the roles " + token.getGroups()
                            + " act for a jurisdiction")
                    : Optional.empty();
        }
        String code = claim instanceof JsonString s ? s.getString() : claim instanceof String s ? s : null;
        if (code == null) {
            return Optional.of("its 'jurisdiction' claim must be a string (a GB/T 2260 code)");
        }
        return DivisionCode.problem(code).map(p -> "its 'jurisdiction' claim is not a division code: " + p);
    }
}
