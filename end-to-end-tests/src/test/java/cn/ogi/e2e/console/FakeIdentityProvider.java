package cn.ogi.e2e.console;

import cn.ogi.e2e.Platform;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the province's identity provider, enough of OpenID Connect for a public client using the
 * authorization code flow with PKCE: the discovery document, an authorize endpoint that signs in the person the
 * test chose ({@link #signInNext}) and redirects back with a code, and a token endpoint that checks the code, the
 * client, the redirect URI and the PKCE verifier (S256) and answers a JWT signed with the run's key. Loopback only.
 */
public final class FakeIdentityProvider implements AutoCloseable {

    /** A person the provider signs in. */
    public record Person(String subject, String role, String jurisdiction) {}

    /** A code exchanged for a token, and whether everything in it checked out. */
    public record Exchange(String subject, boolean pkceVerified, String refusal) {}

    private record Grant(Person person, String challenge, String redirectUri, String clientId) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Platform platform;
    private final String issuer;
    private final String redirectUri;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final SecureRandom random = new SecureRandom();
    private volatile Person next;

    private FakeIdentityProvider(Platform platform) throws IOException {
        this.platform = platform;
        this.issuer = Platform.ISSUER;
        this.redirectUri = Platform.CONSOLE_ORIGIN + "/dashboard/callback";
        URI uri = URI.create(issuer);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), uri.getPort()), 16);
        server.createContext(uri.getPath(), this::handle);
        server.start();
    }

    public static FakeIdentityProvider start(Platform platform) {
        try {
            return new FakeIdentityProvider(platform);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + Platform.ISSUER, e);
        }
    }

    /** The person the next authorization request signs in. */
    public void signInNext(Person person) {
        next = person;
    }

    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI()
                    .getPath()
                    .substring(URI.create(issuer).getPath().length());
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", Platform.CONSOLE_ORIGIN);
            exchange.getResponseHeaders().add("Vary", "Origin");
            if ("OPTIONS".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "GET, POST");
                exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "Content-Type, Accept");
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            switch (path) {
                case "/.well-known/openid-configuration" -> json(exchange, 200, discovery());
                case "/authorize" ->
                    authorize(exchange, query(exchange.getRequestURI().getRawQuery()));
                case "/token" ->
                    token(
                            exchange,
                            query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                default -> json(exchange, 404, Map.of("error", "not_found"));
            }
        }
    }

    private Map<String, Object> discovery() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", issuer);
        d.put("authorization_endpoint", issuer + "/authorize");
        d.put("token_endpoint", issuer + "/token");
        d.put("response_types_supported", List.of("code"));
        d.put("grant_types_supported", List.of("authorization_code"));
        d.put("code_challenge_methods_supported", List.of("S256"));
        d.put("token_endpoint_auth_methods_supported", List.of("none"));
        return d;
    }

    private void authorize(HttpExchange exchange, Map<String, String> q) throws IOException {
        String back = q.get("redirect_uri");
        if (!redirectUri.equals(back) || !Platform.CONSOLE_CLIENT_ID.equals(q.get("client_id"))) {
            // never redirect to an unregistered URI
            json(
                    exchange,
                    400,
                    Map.of("error", "invalid_request", "error_description", "unknown client or redirect_uri"));
            return;
        }
        String error = !"code".equals(q.get("response_type"))
                ? "unsupported_response_type"
                : !"S256".equals(q.get("code_challenge_method"))
                                || q.getOrDefault("code_challenge", "").length() != 43
                        ? "invalid_request"
                        : next == null ? "access_denied" : null;
        String location;
        if (error != null) {
            location = back + "?error=" + error + "&state=" + encode(q.getOrDefault("state", ""));
        } else {
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            codes.put(code, new Grant(next, q.get("code_challenge"), back, q.get("client_id")));
            location = back + "?code=" + code + "&state=" + encode(q.getOrDefault("state", ""));
        }
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private void token(HttpExchange exchange, Map<String, String> form) throws IOException {
        Grant grant = codes.remove(form.getOrDefault("code", "")); // a code is good once
        String refusal = grant == null
                ? "unknown or used code"
                : !"authorization_code".equals(form.get("grant_type"))
                        ? "grant_type"
                        : !grant.redirectUri().equals(form.get("redirect_uri"))
                                ? "redirect_uri differs from the authorization request"
                                : !grant.clientId().equals(form.get("client_id"))
                                        ? "client_id differs"
                                        : !grant.challenge().equals(s256(form.getOrDefault("code_verifier", "")))
                                                ? "code_verifier does not match the code_challenge"
                                                : null;
        exchanges.add(new Exchange(grant == null ? null : grant.person().subject(), refusal == null, refusal));
        if (refusal != null) {
            json(exchange, 400, Map.of("error", "invalid_grant", "error_description", refusal));
            return;
        }
        Person p = grant.person();
        String token = platform.token(Set.of(p.role()), p.jurisdiction(), p.subject(), Duration.ofHours(1));
        json(
                exchange,
                200,
                Map.of("access_token", token, "token_type", "Bearer", "expires_in", 3600, "id_token", token));
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&", -1)) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            params.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
