package cn.ogi.web.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.web.auth.Roles;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Generates the authorization cases of a service: every endpoint × every role acting for its own
 * subtree and for another one, plus no token, an expired token and a token signed by another key.
 * The expected status of each case follows from the endpoint's allowed roles and whether it is
 * scoped to a jurisdiction, so no case is hand-picked.
 */
public final class AuthorizationMatrix {

    /** How a caller presents itself. */
    public enum Credential {
        VALID,
        NONE,
        EXPIRED,
        OTHER_KEY
    }

    /**
     * One endpoint: a request (relative path, method and body set by {@code request}), the roles that
     * may call it, whether a caller must cover {@code own} to call it, and what success looks like.
     */
    public record Endpoint(
            String name,
            String method,
            String path,
            UnaryOperator<RequestSpecification> request,
            Set<String> allowed,
            boolean scoped,
            Set<Integer> success) {}

    /** One generated case. */
    public record Case(Endpoint endpoint, String role, boolean ownSubtree, Credential credential) {

        public int[] expected() {
            if (credential != Credential.VALID) {
                return new int[] {401};
            }
            boolean allowed = endpoint.allowed().contains(role);
            boolean inScope =
                    ownSubtree || !endpoint.scoped() || role.equals(Roles.ADMIN) || role.equals(Roles.SERVICE);
            return allowed && inScope
                    ? endpoint.success().stream().mapToInt(Integer::intValue).toArray()
                    : new int[] {403};
        }

        /** The subject a case acts as, e.g. {@code submitter-own}: tests may create data for it. */
        public String subject() {
            return subjectOf(role, ownSubtree);
        }

        @Override
        public String toString() {
            return endpoint.name() + " as " + role + (ownSubtree ? " (own subtree)" : " (other subtree)")
                    + (credential == Credential.VALID ? "" : " with " + credential);
        }
    }

    private AuthorizationMatrix() {}

    public static String subjectOf(String role, boolean ownSubtree) {
        return role + "-" + (ownSubtree ? "own" : "other");
    }

    /** Every endpoint × role × subtree with a valid token, and every endpoint × bad credential. */
    public static Stream<Arguments> cases(List<Endpoint> endpoints) {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (String role : Roles.ALL) {
                for (boolean own : new boolean[] {true, false}) {
                    cases.add(Arguments.of(new Case(endpoint, role, own, Credential.VALID)));
                }
            }
            for (Credential bad : List.of(Credential.NONE, Credential.EXPIRED, Credential.OTHER_KEY)) {
                cases.add(Arguments.of(new Case(endpoint, Roles.SUPERVISOR, true, bad)));
            }
        }
        return cases.stream();
    }

    /** Sends the case's request with its credential and asserts the expected status and problem+json. */
    public static Response check(Case c, String ownJurisdiction, String otherJurisdiction) {
        String jurisdiction = c.ownSubtree() ? ownJurisdiction : otherJurisdiction;
        RequestSpecification request = given();
        switch (c.credential()) {
            case VALID ->
                request.header(
                        "Authorization", TestTokens.bearer(TestTokens.token(c.role(), jurisdiction, c.subject())));
            case NONE -> request.header(TestTokens.NO_TOKEN, "true");
            case EXPIRED ->
                request.header(
                        "Authorization", TestTokens.bearer(TestTokens.expired(c.role(), jurisdiction, c.subject())));
            case OTHER_KEY ->
                request.header(
                        "Authorization",
                        TestTokens.bearer(TestTokens.signedByAnotherKey(c.role(), jurisdiction, c.subject())));
        }
        Response response = c.endpoint()
                .request()
                .apply(request)
                .request(c.endpoint().method(), c.endpoint().path());
        int status = response.statusCode();
        int[] expected = c.expected();
        assertTrue(
                java.util.Arrays.stream(expected).anyMatch(e -> e == status),
                c + ": expected " + java.util.Arrays.toString(expected) + " but got " + status + " "
                        + response.asString());
        if (status == 401 || status == 403) {
            assertEquals(
                    "application/problem+json", response.contentType().split(";", -1)[0], c + " answers problem+json");
        }
        if (status == 401) {
            assertEquals("Bearer", response.header("WWW-Authenticate"), c + " challenges for a bearer token");
        }
        return response;
    }
}
