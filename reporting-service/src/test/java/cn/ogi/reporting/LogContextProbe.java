package cn.ogi.reporting;

import cn.ogi.web.auth.Roles;
import cn.ogi.web.http.RequestIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.MDC;

/** Test-only endpoint: what a log line written while serving a request would carry (RequestIdsTest, TracingTest). */
@Path("/test/log-context")
public class LogContextProbe {

    @GET
    @Operation(hidden = true) // not part of the API
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> context() {
        return Map.of(
                "requestId", Objects.toString(MDC.get(RequestIds.MDC_REQUEST_ID), ""),
                "subject", Objects.toString(MDC.get(RequestIds.MDC_SUBJECT), ""),
                // put there by quarkus-opentelemetry while a span is current (TracingTest)
                "traceId", Objects.toString(MDC.get("traceId"), ""),
                "spanId", Objects.toString(MDC.get("spanId"), ""),
                "thread", Thread.currentThread().getName());
    }
}
