package cn.ogi.web.audit;

import cn.ogi.form.identity.DivisionCode;
import cn.ogi.form.identity.DivisionLevel;
import cn.ogi.web.Caller;
import cn.ogi.web.Page;
import cn.ogi.web.Paging;
import cn.ogi.web.Problem;
import cn.ogi.web.ProblemException;
import cn.ogi.web.auth.Roles;
import cn.ogi.web.sql.Sql;
import cn.ogi.web.sql.SqlStatement;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail of this service: every write, newest first. Supervisors see their subtree's. */
@Path("/api/v1/audit")
@Tag(name = "audit")
public class AuditResource {

    /** What a page of events looks like, for the OpenAPI document (the answer is a {@link Page}). */
    @Schema(name = "AuditPage")
    record AuditPage(List<AuditEventView> items, int page, int size, long total) {
        AuditPage {
            items = List.copyOf(items);
        }
    }

    static final String EXAMPLE = """
            {"items": [{"id": 4211, "at": "2024-01-20T08:00:00Z", "subject": "liaocheng-ogi-system",
              "roles": "submitter", "callerJurisdiction": "371500", "action": "submission.accepted",
              "targetType": "submission", "targetKey": "0b8a3f0e-3c1e-4c55-9d0e-6f1b2a3c4d5e",
              "targetJurisdiction": "371500", "clientAddress": "10.20.0.14",
              "detail": {"agencyCode": "11371500MB28532216", "year": 2023, "source": "api"}}],
             "page": 0, "size": 50, "total": 1}""";

    static final String INVALID_TIME = """
            {"type": "https://ogi.example.cn/problems/invalid-parameters", "title": "Bad request", "status": 400,
             "detail": "Parameter 'from' must be an ISO-8601 time with offset, e.g. 2026-01-31T00:00:00+08:00; got 2024-01-01",
             "instance": "/api/v1/audit"}""";

    @Inject
    Sql sql;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(
            summary = "Recorded writes, newest first, filtered by subject, action, target and time (ISO-8601)",
            description = "Admins see every event; supervisors the events whose target lies in their jurisdiction's "
                    + "subtree. Each event: who (subject, roles, jurisdiction claim), the action (intake: "
                    + "submission.accepted, submission.refused, submission.rejected; reporting: jurisdiction.upserted, "
                    + "agency.upserted, report.version.created, report.approved, report.reopened; stats: stats.rebuilt), "
                    + "its target, the target's jurisdiction, when, from which address, and a detail object. "
                    + "Paged: page from 0, size 1 to 500 (default 50).")
    @APIResponse(
            responseCode = "200",
            description = "One page of events, newest first, and the total that match",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AuditPage.class),
                            examples = @ExampleObject(name = "accepted", value = EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description = "A time that is not ISO-8601 with an offset, or a page or size out of range",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "time", value = INVALID_TIME)))
    @APIResponse(responseCode = "503", description = "The database is unavailable")
    public Page<AuditEventView> events(
            @Parameter(
                            description = "Only the writes of this subject (the token's sub)",
                            example = "liaocheng-ogi-system")
                    @QueryParam("subject")
                    String subject,
            @Parameter(description = "Only this action", example = "submission.accepted") @QueryParam("action")
                    String action,
            @Parameter(
                            description = "Only this target: a submission id, an agency code, agencyCode/year for a "
                                    + "report, a jurisdiction code",
                            example = "11371500MB28532216/2023")
                    @QueryParam("targetKey")
                    String targetKey,
            @Parameter(
                            description = "From this time on (inclusive), ISO-8601 with an offset",
                            example = "2024-01-01T00:00:00+08:00")
                    @QueryParam("from")
                    String from,
            @Parameter(
                            description = "Before this time (exclusive), ISO-8601 with an offset",
                            example = "2024-02-01T00:00:00+08:00")
                    @QueryParam("to")
                    String to,
            @Parameter(description = "The page, from 0 (default 0)", example = "0") @QueryParam("page") String page,
            @Parameter(description = "Events per page, 1 to 500 (default 50)", example = "50") @QueryParam("size")
                    String size) {
        Paging paging = Paging.of(page, size);
        String scope = caller.has(Roles.ADMIN) ? null : prefixOf(caller.jurisdiction());
        String where = """
                 FROM audit_event WHERE (CAST(:subject AS text) IS NULL OR subject = :subject)
                   AND (CAST(:action AS text) IS NULL OR action = :action)
                   AND (CAST(:targetKey AS text) IS NULL OR target_key = :targetKey)
                   AND (CAST(:from AS timestamptz) IS NULL OR at >= CAST(:from AS timestamptz))
                   AND (CAST(:to AS timestamptz) IS NULL OR at < CAST(:to AS timestamptz))
                   AND (CAST(:scope AS text) IS NULL OR target_jurisdiction LIKE CAST(:scope AS text) || '%')""";
        Map<String, String> filters = new HashMap<>();
        filters.put("subject", blankToNull(subject));
        filters.put("action", blankToNull(action));
        filters.put("targetKey", blankToNull(targetKey));
        filters.put("from", time("from", from));
        filters.put("to", time("to", to));
        filters.put("scope", scope);
        SqlStatement items = sql.statement("SELECT id, at, subject, roles, caller_jurisdiction, action, target_type,"
                        + " target_key, target_jurisdiction, client_address, CAST(detail AS text)" + where
                        + " ORDER BY id DESC LIMIT :size OFFSET :offset")
                .bind("size", paging.size())
                .bind("offset", paging.offset());
        SqlStatement total = sql.statement("SELECT count(*)" + where);
        filters.forEach(items::bind);
        filters.forEach(total::bind);
        List<AuditEventView> views = items.list(this::view);
        return new Page<>(
                views,
                paging.page(),
                paging.size(),
                total.first(rs -> rs.getLong(1)).orElse(0L));
    }

    /** A filter given empty is not given (as before: {@code ?action=} matches every action). */
    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The code prefix shared by a jurisdiction's whole subtree (GB/T 2260: 2, 4 or 6 digits). */
    static String prefixOf(String jurisdiction) {
        if (jurisdiction == null || DivisionCode.problem(jurisdiction).isPresent()) {
            // TokenRules refuses such tokens; should one get here, it sees nothing rather than everything.
            throw ProblemException.of(
                    403, "no-jurisdiction", "Forbidden", "Your token names no valid jurisdiction to read the audit of");
        }
        DivisionCode code = DivisionCode.parse(jurisdiction);
        int digits = code.level() == DivisionLevel.PROVINCE ? 2 : code.level() == DivisionLevel.CITY ? 4 : 6;
        return jurisdiction.substring(0, digits);
    }

    private static String time(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toString();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(
                    "invalid-parameters",
                    "Parameter '" + parameter
                            + "' must be an ISO-8601 time with offset, e.g. 2026-01-31T00:00:00+08:00; got " + value);
        }
    }

    private AuditEventView view(ResultSet rs) throws SQLException {
        try {
            String detail = rs.getString(11);
            return new AuditEventView(
                    rs.getLong(1),
                    Sql.timestamp(rs, 2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getString(10),
                    detail == null ? null : json.readTree(detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
