package cn.ogi.web;

import cn.ogi.form.identity.DivisionCode;
import cn.ogi.web.auth.Scope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the verified bearer token: subject, roles and jurisdiction. Also the one
 * place that decides whether a jurisdiction lies inside the caller's subtree (403 otherwise).
 * Admins and services are not bound to a jurisdiction.
 */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    public String subject() {
        return token.getSubject();
    }

    public Set<String> roles() {
        return new TreeSet<>(token.getGroups());
    }

    public boolean has(String role) {
        return token.getGroups().contains(role);
    }

    /** The GB/T 2260 code the caller acts for; null for admins and services without one. */
    public String jurisdiction() {
        return jurisdiction(token);
    }

    private static String jurisdiction(JsonWebToken token) {
        Object claim = token.getClaim("jurisdiction");
        if (claim instanceof jakarta.json.JsonString text) {
            return text.getString();
        }
        return claim == null || claim == jakarta.json.JsonValue.NULL
                ? null
                : claim.toString().replace("\"", "");
    }

    /** The caller's reach as a value that outlives the request. */
    public Scope scope() {
        return scope(token);
    }

    /**
     * The reach of a verified token, where no request-scoped caller is at hand (a Vert.x route): the same value
     * {@link #scope()} gives for it.
     */
    public static Scope scope(JsonWebToken token) {
        return new Scope(token.getSubject(), new TreeSet<>(token.getGroups()), jurisdiction(token));
    }

    /** True for callers that see the whole province. */
    public boolean unrestricted() {
        return scope().unrestricted();
    }

    /** Whether {@code code} (a jurisdiction) is the caller's own node or below it. */
    public boolean covers(String code) {
        return scope().covers(code);
    }

    /** 403 unless the caller covers the jurisdiction; {@code what} names the thing asked for. */
    public void requireCovers(String code, String what) {
        scope().requireCovers(code, what);
    }

    /** Like {@link #nodeOrOwn}, but null (the whole province) for an unrestricted caller who names no node. */
    public String nodeOrOwnOrAll(String requested, String parameter) {
        return nodeOrOwnOrAll(scope(), requested, parameter);
    }

    /** The node a query is about: the one asked for (checked), or the caller's own node when none is. */
    public String nodeOrOwn(String requested, String parameter) {
        return nodeOrOwn(scope(), requested, parameter);
    }

    /** {@link #nodeOrOwnOrAll(String, String)} for a scope: the one rule, also where no caller bean is at hand. */
    public static String nodeOrOwnOrAll(Scope scope, String requested, String parameter) {
        if ((requested == null || requested.isBlank()) && scope.unrestricted()) {
            return null;
        }
        return nodeOrOwn(scope, requested, parameter);
    }

    private static String nodeOrOwn(Scope scope, String requested, String parameter) {
        if (requested == null || requested.isBlank()) {
            if (scope.jurisdiction() == null) {
                throw ProblemException.badRequest(
                        "invalid-parameters",
                        "Parameter '" + parameter + "' is required: your token names no jurisdiction to default to");
            }
            return scope.jurisdiction();
        }
        DivisionCode.problem(requested).ifPresent(problem -> {
            throw ProblemException.badRequest("invalid-parameters", "Parameter '" + parameter + "': " + problem);
        });
        scope.requireCovers(requested, "jurisdiction " + requested);
        return requested;
    }
}
