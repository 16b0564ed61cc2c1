package cn.ogi.web.audit;

import cn.ogi.form.identity.DivisionCode;
import cn.ogi.form.identity.DivisionLevel;
import cn.ogi.web.Caller;
import cn.ogi.web.Page;
import cn.ogi.web.Paging;
import cn.ogi.web.ProblemException;
import cn.ogi.web.SqlValues;
import cn.ogi.web.auth.Roles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail of this service: every write, newest first. Supervisors see their subtree's. */
@Path("/api/v1/audit")
@Tag(name = "audit")
public class AuditResource {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(
            summary = "Recorded writes, newest first, filtered by subject, action, target and time (ISO-8601)",
            description =
                    "Admins see every event; supervisors the events whose target lies in their jurisdiction's subtree.")
    public Page<AuditEventView> events(
            @QueryParam("subject") String subject,
            @QueryParam("action") String action,
            @QueryParam("targetKey") String targetKey,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        String scope = caller.has(Roles.ADMIN) ? null : prefixOf(caller.jurisdiction());
        String where = """
                 FROM audit_event WHERE (CAST(? AS text) IS NULL OR subject = ?)
                   AND (CAST(? AS text) IS NULL OR action = ?)
                   AND (CAST(? AS text) IS NULL OR target_key = ?)
                   AND (CAST(? AS timestamptz) IS NULL OR at >= CAST(? AS timestamptz))
                   AND (CAST(? AS timestamptz) IS NULL OR at < CAST(? AS timestamptz))
                   AND (CAST(? AS text) IS NULL OR target_jurisdiction LIKE CAST(? AS text) || '%')""";
        List<String> filters = List.of(
                nullToEmpty(subject),
                nullToEmpty(action),
                nullToEmpty(targetKey),
                nullToEmpty(time("from", from)),
                nullToEmpty(time("to", to)),
                nullToEmpty(scope));
        try (Connection c = dataSource.getConnection();
                PreparedStatement items =
                        c.prepareStatement("SELECT id, at, subject, roles, caller_jurisdiction, action, "
                                + "target_type, target_key, target_jurisdiction, client_address, CAST(detail AS text)"
                                + where
                                + " ORDER BY id DESC LIMIT ? OFFSET ?");
                PreparedStatement total = c.prepareStatement("SELECT count(*)" + where)) {
            bind(items, filters);
            items.setInt(13, paging.size());
            items.setInt(14, paging.offset());
            bind(total, filters);
            List<AuditEventView> views = new ArrayList<>();
            try (ResultSet rs = items.executeQuery()) {
                while (rs.next()) {
                    views.add(view(rs));
                }
            }
            try (ResultSet rs = total.executeQuery()) {
                rs.next();
                return new Page<>(views, paging.page(), paging.size(), rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each filter is bound twice: "is it given" and "does it match"; null means not given. */
    private static void bind(PreparedStatement q, List<String> filters) throws SQLException {
        for (int i = 0; i < filters.size(); i++) {
            String value = filters.get(i).isEmpty() ? null : filters.get(i);
            q.setString(2 * i + 1, value);
            q.setString(2 * i + 2, value);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
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
                    SqlValues.timestamp(rs.getTimestamp(2)),
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
