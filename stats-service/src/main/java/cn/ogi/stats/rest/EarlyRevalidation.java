package cn.ogi.stats.rest;

import cn.ogi.stats.memory.LiveModel;
import cn.ogi.stats.metrics.StatsMetrics;
import cn.ogi.stats.query.AsOf;
import cn.ogi.stats.query.GroupBy;
import cn.ogi.stats.query.Nodes;
import cn.ogi.stats.query.QuerySettings;
import cn.ogi.stats.query.StatsQuery;
import cn.ogi.web.Caller;
import cn.ogi.web.auth.Roles;
import cn.ogi.web.http.HttpSettings;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Answers the revalidation of a stats query — {@code If-None-Match} naming the answer at the model's current position
 * — with 304 on the event loop, before the request is routed to {@link StatsResource}: no worker thread, no JAX-RS
 * routing, filters or request-scoped beans, the query string read once. It decides exactly as the resource does:
 * the token authenticated and checked by the same mechanism ({@code TokenRules} included), one of the resource's
 * roles, the node through the same rule ({@link Caller#nodeOrOwnOrAll(cn.ogi.web.auth.Scope, String, String)}),
 * the parameters through {@link QueryParameters#toQuery} and the tag through {@link StatsAnswers#tag}. Whatever it
 * is not sure of goes on to the resource untouched, which then answers as it always did: no token or a refused one,
 * a node outside the caller's jurisdiction, a bad or unusual parameter (anything but one plain {@code name=value}
 * of letters, digits, {@code . _ -} per name), another representation than JSON, a tag that does not match, a
 * page being applied at that moment. So it never answers anything the resource would not have answered with the
 * same 304 and the same headers; the security headers and the request id are added to it as to any answer.
 *
 * <p>It looks twice. After Quarkus' authentication it subscribes to the request's identity, decides, and remembers
 * an accepted identity by the exact header it came with ({@link KnownCallers}). Before that authentication (after
 * CORS) it decides at once for a caller known by exactly that header and unexpired, without authenticating again —
 * the same identity, so the same roles and jurisdiction; everything else goes on to be authenticated as always.
 */
@ApplicationScoped
public class EarlyRevalidation {

    /** The template Micrometer names an HTTP request by (the resource's path; RESTEasy puts it there too). */
    static final String URL_TEMPLATE = "UrlPathTemplate";

    /** Between Quarkus' CORS filter (order -300) and its authentication (-200): see {@link #onKnownCaller}. */
    static final int BEFORE_AUTHENTICATION = -250;

    private static final Set<String> ROLES = Set.of(Roles.VIEWER, Roles.SUPERVISOR, Roles.ADMIN);

    @Inject
    LiveModel live;

    @Inject
    QuerySettings settings;

    @Inject
    HttpSettings http;

    @Inject
    StatsMetrics metrics;

    @Inject
    KnownCallers known;

    void install(@Observes Router router) {
        // after CORS (-300), before Quarkus' authentication (-200): a caller whose exact header it accepted lately
        router.route(HttpMethod.GET, StatsResource.PATH + "/*")
                .order(BEFORE_AUTHENTICATION)
                .handler(this::onKnownCaller);
        // after authentication and the HTTP permission checks (filters, negative orders), before the resources
        router.route(HttpMethod.GET, StatsResource.PATH + "/*")
                .order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(this::onRequest);
    }

    /**
     * A revalidation by a caller that Quarkus' authentication accepted lately with exactly this header ({@link
     * KnownCallers}): decided with that identity, as below, without authenticating again; anything else goes on.
     */
    private void onKnownCaller(RoutingContext context) {
        HttpServerRequest request = context.request();
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        Set<GroupBy> groupings = ifNoneMatch == null ? null : StatsResource.GROUPINGS.get(request.path());
        String authorization = groupings == null ? null : onlyAuthorization(request);
        SecurityIdentity caller = authorization == null ? null : known.get(authorization);
        SortedMap<String, List<String>> parameters = caller == null || !json(request.getHeader(HttpHeaders.ACCEPT))
                ? null
                : plainParameters(request.query(), http.maxParameterLength());
        if (parameters == null || !live.loaded()) {
            context.next();
            return;
        }
        if (decide(context, caller, groupings, parameters, ifNoneMatch)) {
            metrics.revalidatedForKnownCaller();
        }
    }

    private void onRequest(RoutingContext context) {
        HttpServerRequest request = context.request();
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        Set<GroupBy> groupings = ifNoneMatch == null ? null : StatsResource.GROUPINGS.get(request.path());
        Uni<SecurityIdentity> identity = groupings == null ? null : context.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        SortedMap<String, List<String>> parameters = identity == null || !json(request.getHeader(HttpHeaders.ACCEPT))
                ? null
                : plainParameters(request.query(), http.maxParameterLength());
        if (parameters == null || !live.loaded()) {
            context.next();
            return;
        }
        String authorization = onlyAuthorization(request);
        Context on = Vertx.currentContext();
        identity.subscribe()
                .with(
                        caller -> resume(on, () -> {
                            known.remember(authorization, caller);
                            decide(context, caller, groupings, parameters, ifNoneMatch);
                        }),
                        refused -> resume(on, context::next));
    }

    /** The request's one {@code Authorization} header; null when it has none or several. */
    private static String onlyAuthorization(HttpServerRequest request) {
        List<String> all = request.headers().getAll(HttpHeaders.AUTHORIZATION);
        return all.size() == 1 ? all.get(0) : null;
    }

    private static void resume(Context on, Runnable step) {
        if (on == null || Vertx.currentContext() == on) {
            step.run();
        } else {
            on.runOnContext(ignored -> step.run());
        }
    }

    /** Answers 304 when the caller's tag matches (true), else lets the request go on (false). */
    private boolean decide(
            RoutingContext context,
            SecurityIdentity caller,
            Set<GroupBy> groupings,
            SortedMap<String, List<String>> parameters,
            String ifNoneMatch) {
        String tag;
        try {
            tag = tag(context.request().path(), caller, groupings, parameters);
        } catch (RuntimeException refused) {
            tag = null; // the resource refuses it with its problem (or decides what this could not)
        }
        if (tag == null || !names(ifNoneMatch, tag)) {
            context.next();
            return false;
        }
        metrics.revalidatedEarly();
        ContextLocals.put(URL_TEMPLATE, context.request().path());
        context.response()
                .setStatusCode(304)
                .putHeader(HttpHeaders.ETAG, '"' + tag + '"')
                .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .end();
        return true;
    }

    /** The tag the resource would give the answer now; null when the resource must decide (it refuses, or may). */
    private String tag(
            String path, SecurityIdentity caller, Set<GroupBy> groupings, SortedMap<String, List<String>> parameters) {
        if (caller.isAnonymous() || !(caller.getPrincipal() instanceof JsonWebToken token)) {
            return null;
        }
        boolean allowed = false;
        for (String role : ROLES) {
            allowed |= caller.hasRole(role);
        }
        if (!allowed) {
            return null;
        }
        QueryParameters params = QueryParameters.of(parameters);
        params.jurisdiction = Caller.nodeOrOwnOrAll(Caller.scope(token), params.jurisdiction, "jurisdiction");
        StatsQuery q = params.toQuery(groupings, settings.maxYears());
        AsOf now = live.position();
        String node = live.readIfFree(m -> Nodes.resolve(m, q.jurisdiction()).code());
        return node == null
                ? null
                : StatsAnswers.tag(
                        now, node, Representations.question(path, parameters, MediaType.APPLICATION_JSON_TYPE));
    }

    /** JSON is what the resource chooses for these; any other {@code Accept} goes to its negotiation. */
    private static boolean json(String accept) {
        return accept == null || accept.equals("*/*") || accept.equals(MediaType.APPLICATION_JSON);
    }

    /**
     * The parameters of a plain query string — {@code name=value} pairs of letters, digits and {@code . _ -}, each
     * name once, at most {@code maxLength} characters in all — decoded by reading them (there is nothing to decode),
     * sorted as {@link Representations#question} sorts them; null for any other query string (the resource reads it).
     */
    static SortedMap<String, List<String>> plainParameters(String query, int maxLength) {
        SortedMap<String, List<String>> parameters = new TreeMap<>();
        if (query == null) {
            return parameters;
        }
        if (query.isEmpty() || query.length() > maxLength) {
            return null;
        }
        int start = 0;
        while (start <= query.length()) {
            int end = query.indexOf('&', start);
            end = end < 0 ? query.length() : end;
            int equals = query.indexOf('=', start);
            if (equals <= start
                    || equals >= end - 1
                    || !plain(query, start, equals)
                    || !plain(query, equals + 1, end)) {
                return null;
            }
            if (parameters.put(query.substring(start, equals), List.of(query.substring(equals + 1, end))) != null) {
                return null;
            }
            start = end + 1;
        }
        return parameters;
    }

    private static boolean plain(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code If-None-Match} names the tag (compared weakly, as a GET's precondition is); not {@code *}. */
    static boolean names(String ifNoneMatch, String tag) {
        for (String one : ifNoneMatch.split(",", -1)) {
            String t = one.strip();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.length() == tag.length() + 2
                    && t.charAt(0) == '"'
                    && t.charAt(t.length() - 1) == '"'
                    && t.regionMatches(1, tag, 0, tag.length())) {
                return true;
            }
        }
        return false;
    }
}
