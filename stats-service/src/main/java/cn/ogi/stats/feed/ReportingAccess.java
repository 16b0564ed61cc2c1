package cn.ogi.stats.feed;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * How stats identifies itself to reporting-service ({@code stats.reporting.*}); the address and timeouts are
 * Quarkus' own {@code quarkus.rest-client.reporting.*}.
 */
@ConfigMapping(prefix = "stats.reporting")
public interface ReportingAccess {

    /**
     * stats' service token (a JWT with the role {@code service}) for the change feed, sent as a bearer token on every
     * call; absent or blank: none is sent. application.properties reads it from {@code OGI_STATS_SERVICE_TOKEN}.
     */
    Optional<String> token();
}
