package cn.ogi.stats.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The supervisors' console ({@code /dashboard}): where the browser finds the three services' public APIs, how a
 * person signs in, and how often the overview revalidates. Every key is also an environment variable
 * ({@code stats.console.oidc.issuer} → {@code STATS_CONSOLE_OIDC_ISSUER}).
 */
@ConfigMapping(prefix = "stats.console")
public interface ConsoleSettings {

    Services services();

    Oidc oidc();

    DevSignIn devSignIn();

    /** Seconds between the overview's conditional re-reads (If-None-Match) of its answers. */
    @WithDefault("15s")
    Duration refreshInterval();

    /** The public base URLs the browser calls, as the browser reaches them (not the services' internal addresses). */
    interface Services {
        @WithDefault("http://localhost:8082")
        String reporting();

        @WithDefault("http://localhost:8081")
        String intake();

        /** stats-service itself; absent: the page's own origin. */
        Optional<String> stats();
    }

    /**
     * The province's identity provider: authorization code flow with PKCE from the browser, as a public client
     * (no secret). Absent issuer: no OpenID Connect sign-in is offered.
     */
    interface Oidc {
        /** The issuer; its discovery document is {@code <issuer>/.well-known/openid-configuration}. */
        Optional<String> issuer();

        Optional<String> clientId();

        @WithDefault("openid")
        String scope();
    }

    /**
     * A sign-in page that mints a token with the local key for any role, jurisdiction and name — for a developer's
     * machine only: off by default, turned on by {@code deploy/local/start}; a production deployment never sets it.
     */
    interface DevSignIn {
        @WithDefault("false")
        boolean enabled();

        /** The PKCS#8 private key (PEM) whose public half the services verify. */
        Optional<Path> privateKey();

        /** The tokens' issuer; absent: the issuer the services verify ({@code mp.jwt.verify.issuer}). */
        Optional<String> issuer();

        @WithDefault("8h")
        Duration ttl();
    }
}
