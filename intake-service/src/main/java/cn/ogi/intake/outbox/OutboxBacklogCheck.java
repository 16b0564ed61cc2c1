package cn.ogi.intake.outbox;

import cn.ogi.web.sql.Sql;
import cn.ogi.web.sql.SqlFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the outbox backlog in readiness without ever failing it: a backlog means reporting-service
 * is slow or down, and intake should keep accepting submissions all the same.
 */
@Readiness
@ApplicationScoped
public class OutboxBacklogCheck implements HealthCheck {

    @Inject
    Sql sql;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("outbox").up();
        try {
            sql.statement("""
                            SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0),
                                   coalesce(max(attempts), 0)
                            FROM outbox""")
                    .each(
                            0,
                            rs -> response.withData("backlog", rs.getLong(1))
                                    .withData("oldestAgeSeconds", (long) rs.getDouble(2))
                                    .withData("maxAttempts", rs.getLong(3)));
        } catch (SqlFailure e) {
            response.withData("backlog", "unknown: " + e.getCause().getMessage());
        }
        return response.build();
    }
}
