package cn.ogi.intake.outbox;

import cn.ogi.form.rules.Finding;
import cn.ogi.intake.client.ReportingClient;
import cn.ogi.intake.client.VersionDelivery;
import cn.ogi.intake.client.VersionReceipt;
import cn.ogi.intake.metrics.IntakeMetrics;
import cn.ogi.intake.submission.PublishedOriginal;
import cn.ogi.web.audit.AuditTrail;
import cn.ogi.web.auth.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Delivers one due outbox entry per transaction. The entry is claimed with FOR UPDATE SKIP LOCKED,
 * so any number of relays (threads or intake instances) never deliver the same entry at once; the
 * outcome and the removal of the entry commit together. A crash between reporting-service's answer
 * and that commit leaves the entry to be delivered again under the same delivery key, which
 * reporting-service answers with the same version: delivered once.
 */
@ApplicationScoped
public class OutboxDelivery {

    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    @RestClient
    ReportingClient reporting;

    @Inject
    ObjectMapper json;

    @Inject
    AuditTrail audit;

    @Inject
    IntakeMetrics metrics;

    @ConfigProperty(name = "intake.relay.first-retry", defaultValue = "PT0.5S")
    Duration firstRetry;

    @ConfigProperty(name = "intake.relay.max-retry", defaultValue = "PT60S")
    Duration maxRetry;

    private record Claimed(
            UUID id,
            String agencyCode,
            int year,
            String report,
            String source,
            String originalText,
            Integer expectedVersion,
            String submittedBy,
            Instant receivedAt,
            int attempts,
            boolean importedHistory,
            PublishedOriginal original) {}

    /** Delivers the next due entry; false when none is due (or all due ones are being delivered). */
    @Transactional
    public boolean deliverNext() {
        try (Connection c = dataSource.getConnection()) {
            Claimed claimed = claim(c);
            if (claimed == null) {
                return false;
            }
            long started = System.nanoTime();
            Attempt attempt = attempt(claimed);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            settle(c, claimed, attempt);
            // counted before the commit: an attempt whose commit fails is made, and counted, again
            metrics.delivered(outcome(attempt.kind()), took, Duration.between(claimed.receivedAt(), Instant.now()));
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("outbox delivery failed: " + e.getMessage(), e);
        }
    }

    private Claimed claim(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("""
                SELECT s.id, s.agency_code, s.year, CAST(s.report AS text), s.source, s.original_text,
                       s.expected_version, s.submitted_by, s.received_at, o.attempts, s.imported_history,
                       s.original_bytes, s.original_media_type, s.original_sha256
                FROM outbox o JOIN submission s ON s.id = o.submission_id
                WHERE o.next_attempt_at <= now()
                ORDER BY o.next_attempt_at, o.created_at
                LIMIT 1
                FOR UPDATE OF o SKIP LOCKED""")) {
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                byte[] originalBytes = rs.getBytes(12);
                return new Claimed(
                        rs.getObject(1, UUID.class),
                        rs.getString(2).strip(),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        (Integer) rs.getObject(7),
                        rs.getString(8),
                        rs.getTimestamp(9).toInstant(),
                        rs.getInt(10),
                        rs.getBoolean(11),
                        originalBytes == null
                                ? null
                                : new PublishedOriginal(originalBytes, rs.getString(13), rs.getString(14)));
            }
        }
    }

    private Attempt attempt(Claimed claimed) {
        try {
            JsonNode report = json.readTree(claimed.report());
            PublishedOriginal original = claimed.original();
            VersionDelivery delivery = new VersionDelivery(
                    report,
                    claimed.source(),
                    claimed.originalText(),
                    claimed.submittedBy(),
                    claimed.receivedAt().atOffset(java.time.ZoneOffset.UTC),
                    claimed.importedHistory(),
                    original == null ? null : original.mediaType(),
                    original == null ? null : original.sha256(),
                    original == null ? null : Base64.getEncoder().encodeToString(original.bytes()));
            String ifMatch = claimed.expectedVersion() == null ? null : "\"" + claimed.expectedVersion() + "\"";
            try (Response answer = reporting.deliver(
                    claimed.agencyCode(), claimed.year(), claimed.id().toString(), ifMatch, delivery)) {
                int status = answer.getStatus();
                if (status == 200 || status == 201) {
                    return Attempt.delivered(answer.readEntity(VersionReceipt.class));
                }
                String body = answer.hasEntity() ? answer.readEntity(String.class) : "";
                if (Attempt.isFinalRefusal(status)) {
                    return Attempt.refused(status, body, json);
                }
                return Attempt.failed("reporting-service answered " + status + ": " + abbreviate(body));
            }
        } catch (RuntimeException | java.io.IOException e) {
            return Attempt.failed("reporting-service not reachable: " + e.getMessage());
        }
    }

    private void settle(Connection c, Claimed claimed, Attempt attempt) throws SQLException {
        switch (attempt.kind()) {
            case DELIVERED -> {
                VersionReceipt receipt = attempt.receipt();
                finish(c, claimed.id(), "DELIVERED", receipt.version(), receipt.unchanged(), null, receipt.findings());
            }
            case REFUSED -> {
                finish(c, claimed.id(), "REJECTED", null, null, attempt.reason(), attempt.findings());
                audit.recordFor(
                        new AuditTrail.Actor(claimed.submittedBy(), Roles.SERVICE, null),
                        new AuditTrail.Entry(
                                "submission.rejected",
                                "submission",
                                claimed.id().toString(),
                                null,
                                Map.of(
                                        "agencyCode",
                                        claimed.agencyCode(),
                                        "year",
                                        claimed.year(),
                                        "reason",
                                        String.valueOf(attempt.reason()))));
            }
            case FAILED -> {
                Duration wait = backoff(claimed.attempts() + 1);
                LOG.debugf(
                        "delivery of %s failed (attempt %d), next in %s: %s",
                        claimed.id(), claimed.attempts() + 1, wait, attempt.reason());
                try (PreparedStatement u = c.prepareStatement("""
                        UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?
                        WHERE submission_id = ?""")) {
                    u.setTimestamp(1, Timestamp.from(Instant.now().plus(wait)));
                    u.setString(2, attempt.reason());
                    u.setObject(3, claimed.id());
                    u.executeUpdate();
                }
            }
        }
    }

    private void finish(
            Connection c,
            UUID id,
            String status,
            Integer version,
            Boolean unchanged,
            String rejection,
            List<Finding> findings)
            throws SQLException {
        try (PreparedStatement u = c.prepareStatement("""
                UPDATE submission SET status = ?, version = ?, unchanged = ?, rejection = ?,
                    findings = CAST(? AS jsonb), settled_at = now()
                WHERE id = ?""");
                PreparedStatement d = c.prepareStatement("DELETE FROM outbox WHERE submission_id = ?")) {
            u.setString(1, status);
            u.setObject(2, version);
            u.setObject(3, unchanged);
            u.setString(4, rejection);
            u.setString(5, json.writeValueAsString(findings == null ? new ArrayList<>() : findings));
            u.setObject(6, id);
            u.executeUpdate();
            d.setObject(1, id);
            d.executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static IntakeMetrics.DeliveryOutcome outcome(Attempt.Kind kind) {
        return switch (kind) {
            case DELIVERED -> IntakeMetrics.DeliveryOutcome.DELIVERED;
            case REFUSED -> IntakeMetrics.DeliveryOutcome.REFUSED;
            case FAILED -> IntakeMetrics.DeliveryOutcome.FAILED;
        };
    }

    /** Exponential backoff from the first retry, doubling per attempt, capped. */
    Duration backoff(int attempts) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
