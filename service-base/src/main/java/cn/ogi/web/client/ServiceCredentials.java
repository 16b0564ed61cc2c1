package cn.ogi.web.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;

/**
 * A service's own bearer token (role {@code service}) on every call of the REST clients it is registered on
 * ({@code @RegisterProvider}); without a token (absent or blank) no {@code Authorization} header is sent, and the
 * other service answers 401 as it would to anyone. Each service says where its token is configured by
 * {@link #token()} (intake: {@code intake.reporting.token}, stats: {@code stats.reporting.token}).
 */
public abstract class ServiceCredentials implements ClientRequestFilter {

    /** The token as configured; empty when none is. */
    protected abstract Optional<String> token();

    @Override
    public void filter(ClientRequestContext request) {
        token().map(String::strip)
                .filter(token -> !token.isEmpty())
                .ifPresent(token -> request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }
}
