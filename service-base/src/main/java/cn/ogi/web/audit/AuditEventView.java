package cn.ogi.web.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/** One recorded write. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEventView(
        long id,
        OffsetDateTime at,
        String subject,
        String roles,
        String callerJurisdiction,
        String action,
        String targetType,
        String targetKey,
        String targetJurisdiction,
        String clientAddress,
        JsonNode detail) {}
