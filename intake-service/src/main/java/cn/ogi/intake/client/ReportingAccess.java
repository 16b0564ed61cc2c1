package cn.ogi.intake.client;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * How intake identifies itself to reporting-service ({@code intake.reporting.*}); the address and timeouts are
 * Quarkus' own {@code quarkus.rest-client.reporting.*}.
 */
@ConfigMapping(prefix = "intake.reporting")
public interface ReportingAccess {

    /**
     * intake's service token (a JWT with the role {@code service}), sent as a bearer token on every call; absent or
     * blank: none is sent. application.properties reads it from {@code OGI_INTAKE_SERVICE_TOKEN}.
     */
    Optional<String> token();
}
