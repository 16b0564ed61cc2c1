package cn.ogi.intake.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
    AgroalDataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("outbox").up();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0), coalesce(max(attempts), 0)
                        FROM outbox""")) {
            rs.next();
            response.withData("backlog", rs.getLong(1))
                    .withData("oldestAgeSeconds", (long) rs.getDouble(2))
                    .withData("maxAttempts", rs.getLong(3));
        } catch (SQLException e) {
            response.withData("backlog", "unknown: " + e.getMessage());
        }
        return response.build();
    }
}
