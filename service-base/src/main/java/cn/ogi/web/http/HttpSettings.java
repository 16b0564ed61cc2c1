package cn.ogi.web.http;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The HTTP hardening every service shares (security headers, outage answers, parameter bounds), from the keys
 * {@code ogi.http.*}, read directly. (A config mapping declared in this library is registered by the services —
 * {@code TokenCacheSettings} is one; this record is not one yet: issue 17.)
 *
 * @param retryAfter            {@code ogi.http.retry-after}: {@code Retry-After} of a 503 (the database or another
 *                              service unavailable), default 5s
 * @param contentSecurityPolicy {@code ogi.http.content-security-policy}: of HTML pages — scripts and styles only
 *                              from the service itself, no inline script, no framing
 * @param swaggerUiPolicy       {@code ogi.http.swagger-ui-policy}: Swagger UI ({@code /q/swagger-ui}) starts itself
 *                              with an inline script and inline styles
 * @param referrerPolicy        {@code ogi.http.referrer-policy}, default no-referrer
 * @param maxParameterLength    {@code ogi.http.max-parameter-length}: the longest query or path parameter (2000)
 */
public record HttpSettings(
        Duration retryAfter,
        String contentSecurityPolicy,
        String swaggerUiPolicy,
        String referrerPolicy,
        int maxParameterLength) {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String SWAGGER_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; frame-ancestors 'none'";

    public static HttpSettings fromConfig() {
        Config config = ConfigProvider.getConfig();
        return new HttpSettings(
                config.getOptionalValue("ogi.http.retry-after", Duration.class).orElse(Duration.ofSeconds(5)),
                config.getOptionalValue("ogi.http.content-security-policy", String.class)
                        .orElse(CSP),
                config.getOptionalValue("ogi.http.swagger-ui-policy", String.class)
                        .orElse(SWAGGER_CSP),
                config.getOptionalValue("ogi.http.referrer-policy", String.class)
                        .orElse("no-referrer"),
                config.getOptionalValue("ogi.http.max-parameter-length", Integer.class)
                        .orElse(2000));
    }
}
