package cn.ogi.web.http;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The HTTP hardening every service shares (security headers, outage answers, parameter bounds), {@code ogi.http.*}.
 *
 * <p>Static-init safe: Quarkus REST creates its request filters ({@link ParameterCheck}) while the application is
 * still being initialised, before runtime-only mappings exist.
 */
@StaticInitSafe
@ConfigMapping(prefix = "ogi.http")
public interface HttpSettings {

    /** {@code Retry-After} of a 503 (the database or another service unavailable). */
    @WithDefault("5s")
    Duration retryAfter();

    /** {@code Content-Security-Policy} of HTML pages: scripts and styles only from the service, no inline script, no framing. */
    @WithDefault("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
    String contentSecurityPolicy();

    /** {@code Content-Security-Policy} of Swagger UI ({@code /q/swagger-ui}), which starts itself with an inline script and inline styles. */
    @WithDefault("default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; frame-ancestors 'none'")
    String swaggerUiPolicy();

    /** {@code Referrer-Policy} of every answer. */
    @WithDefault("no-referrer")
    String referrerPolicy();

    /** The longest query or path parameter (characters). */
    @WithDefault("2000")
    int maxParameterLength();
}
