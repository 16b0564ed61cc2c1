package cn.ogi.stats.rest;

import cn.ogi.stats.query.Column;
import cn.ogi.stats.query.Metrics;
import cn.ogi.web.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The metrics the aggregate queries answer with, and their Chinese labels (as the exports print them). */
@Path("/api/v1/stats/metrics")
@Tag(name = "stats")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.SUPERVISOR, Roles.ADMIN})
public class MetricsResource {

    @GET
    @Operation(
            summary = "The metrics of /applications, /outcomes, /reviews and /fees: key (the JSON field) and Chinese "
                    + "label, in the order of the answers",
            description = "Derived from the edition definitions, as the queries are; the rates are labelled too.")
    @APIResponse(
            responseCode = "200",
            description = "Per query, its metrics in order: key and label",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "MetricsByQuery"),
                            examples = @ExampleObject(name = "metrics", ref = "metrics")))
    public Map<String, List<Column>> metrics() {
        Map<String, List<Column>> metrics = new LinkedHashMap<>();
        metrics.put("applications", Metrics.APPLICATIONS.columns());
        metrics.put("outcomes", Metrics.OUTCOMES.columns());
        metrics.put("reviews", Metrics.REVIEWS.columns());
        metrics.put("fees", Metrics.FEES.columns());
        return metrics;
    }
}
