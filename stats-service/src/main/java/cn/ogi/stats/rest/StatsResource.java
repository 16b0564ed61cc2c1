package cn.ogi.stats.rest;

import cn.ogi.stats.export.CsvExport;
import cn.ogi.stats.export.Table;
import cn.ogi.stats.export.XlsxExport;
import cn.ogi.stats.query.AggregateQueries;
import cn.ogi.stats.query.CompletenessQueries;
import cn.ogi.stats.query.GroupBy;
import cn.ogi.stats.query.MetricSet;
import cn.ogi.stats.query.Metrics;
import cn.ogi.stats.query.QualityQueries;
import cn.ogi.stats.query.QuerySettings;
import cn.ogi.stats.query.StatsQuery;
import cn.ogi.stats.query.StatsResult;
import cn.ogi.web.Caller;
import cn.ogi.web.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The stats queries. Each takes jurisdiction (default: the caller's own node; the province root for an
 * admin without one; 403 outside the caller's jurisdiction), year or from/to, groupBy where it
 * makes sense; answers JSON, or CSV/XLSX by Accept; carries an ETag and honours If-None-Match.
 * /freshness is {@link FreshnessResource}.
 */
@Path(StatsResource.PATH)
@Tag(name = "stats")
// every query's answers; completeness and quality document their own 200 (their examples)
@APIResponse(responseCode = "200", ref = "StatsAnswer")
@APIResponse(responseCode = "304", ref = "StatsNotModified")
@APIResponse(responseCode = "400", ref = "StatsInvalidParameters")
@APIResponse(responseCode = "403", ref = "StatsForbidden")
@APIResponse(responseCode = "404", ref = "StatsUnknownJurisdiction")
@APIResponse(responseCode = "503", ref = "StatsUnavailable")
@RolesAllowed({Roles.VIEWER, Roles.SUPERVISOR, Roles.ADMIN})
@Produces({MediaType.APPLICATION_JSON, CsvExport.MEDIA_TYPE, XlsxExport.MEDIA_TYPE})
public class StatsResource {

    static final String PATH = "/api/v1/stats";
    private static final Set<GroupBy> ALL = EnumSet.allOf(GroupBy.class);
    private static final Set<GroupBy> NO_APPLICANT =
            EnumSet.of(GroupBy.CHILD, GroupBy.GRANDCHILD, GroupBy.AGENCY, GroupBy.YEAR);
    private static final Set<GroupBy> CHILD_AGENCY_OR_YEAR = EnumSet.of(GroupBy.CHILD, GroupBy.AGENCY, GroupBy.YEAR);
    private static final Set<GroupBy> CHILD_OR_YEAR = EnumSet.of(GroupBy.CHILD, GroupBy.YEAR);

    /** The groupings each query offers, by its path ({@link EarlyRevalidation} reads them too). */
    static final Map<String, Set<GroupBy>> GROUPINGS = Map.of(
            PATH + "/applications", ALL,
            PATH + "/outcomes", ALL,
            PATH + "/reviews", NO_APPLICANT,
            PATH + "/fees", NO_APPLICANT,
            PATH + "/completeness", CHILD_OR_YEAR,
            PATH + "/quality", CHILD_AGENCY_OR_YEAR);

    @Inject
    AggregateQueries aggregates;

    @Inject
    CompletenessQueries completeness;

    @Inject
    QualityQueries quality;

    @Inject
    QuerySettings query;

    @Inject
    Caller caller;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Inject
    StatsAnswers answers;

    @GET
    @Path("applications")
    @Operation(
            summary = "Applications received and processed: newReceived, carriedOver, totalProcessed, carriedForward",
            description = "Counts the total column; groupBy=applicantType gives one row per applicant column. "
                    + "groupBy: child | grandchild | agency | year | applicantType.")
    public Response applications(@BeanParam QueryParameters params) {
        return aggregate("applications", Metrics.APPLICATIONS, params);
    }

    @GET
    @Path("outcomes")
    @Operation(
            summary = "Every disposition row (granted … otherDisposal.other, totalProcessed), disclosureRate and "
                    + "withheldShare.<reason>",
            description = "groupBy: child | grandchild | agency | year | applicantType.")
    public Response outcomes(@BeanParam QueryParameters params) {
        return aggregate("outcomes", Metrics.OUTCOMES, params);
    }

    @GET
    @Path("reviews")
    @Operation(
            summary = "Administrative reconsideration and litigation: 15 cells (reconsideration.upheld …), "
                    + "reconsiderationCorrectionRate, litigationLossRate",
            description = "groupBy: child | grandchild | agency | year.")
    public Response reviews(@BeanParam QueryParameters params) {
        return aggregate("reviews", Metrics.REVIEWS, params);
    }

    @GET
    @Path("fees")
    @Operation(
            summary = "administrativeFees.amountWan (万元, edition 2021) and processingFees.amountYuan (元)",
            description = "groupBy: child | grandchild | agency | year.")
    public Response fees(@BeanParam QueryParameters params) {
        return aggregate("fees", Metrics.FEES, params);
    }

    @GET
    @Path("completeness")
    @Operation(
            summary = "Agencies expected, reported, on time, late and missing; lists the missing and the late",
            description =
                    "Expected: the agency's reportsFrom/reportsUntil include the year. Late: the first version was filed "
                            + "after the deadline of the agency's kind (stats.deadline.*); filed = its publishedOn when stated, "
                            + "not after the day it was received and at most stats.deadline.grace-days before it (any time "
                            + "before it for history an admin imported and marked), else the day received "
                            + "(stats.deadline.basis=received: always the day received). Each late item shows "
                            + "firstSubmittedAt, receivedOn, publishedOn, importedHistory, filedOn, decidedBy and deadline. "
                            + "The lists are paged (page, size; missingTotal and lateTotal say how many). "
                            + "groupBy: child | year.")
    @APIResponse(
            responseCode = "200",
            description = "The answer, as JSON (default), CSV or XLSX by Accept; ETag from the feed position",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = StatsResult.class),
                        examples = @ExampleObject(name = "completeness", ref = "completeness")),
                @Content(mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
                @Content(
                        mediaType = XlsxExport.MEDIA_TYPE,
                        schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    public Response completeness(@BeanParam QueryParameters params) {
        StatsQuery q = scoped(params).toQuery(GROUPINGS.get(PATH + "/completeness"), query.maxYears());
        Response unchanged = unchanged(q);
        return unchanged != null ? unchanged : respond(completeness.completeness(q), "completeness", "报送情况");
    }

    @GET
    @Path("quality")
    @Operation(
            summary =
                    "Reports with findings, per rule; and one page (page, size) of the findings of the node's subtree",
            description = "rule=APP-BALANCE narrows the list to one rule. groupBy: child | agency | year.")
    @APIResponse(
            responseCode = "200",
            description = "The answer, as JSON (default), CSV or XLSX by Accept; ETag from the feed position",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = StatsResult.class),
                        examples = @ExampleObject(name = "quality", ref = "quality")),
                @Content(mediaType = CsvExport.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
                @Content(
                        mediaType = XlsxExport.MEDIA_TYPE,
                        schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    public Response quality(
            @BeanParam QueryParameters params,
            @Parameter(description = "Only the findings of this rule", example = "APP-BALANCE") @QueryParam("rule")
                    String rule) {
        StatsQuery q = scoped(params).toQuery(GROUPINGS.get(PATH + "/quality"), query.maxYears());
        Response unchanged = unchanged(q);
        return unchanged != null
                ? unchanged
                : respond(quality.quality(q, rule == null || rule.isBlank() ? null : rule.strip()), "quality", "数据质量");
    }

    /** The caller's node when none is asked for; 403 for a node outside the caller's jurisdiction. */
    private QueryParameters scoped(QueryParameters params) {
        params.jurisdiction = caller.nodeOrOwnOrAll(params.jurisdiction, "jurisdiction");
        return params;
    }

    private Response aggregate(String name, MetricSet metrics, QueryParameters params) {
        StatsQuery q = scoped(params).toQuery(GROUPINGS.get(PATH + "/" + name), query.maxYears());
        Response unchanged = unchanged(q);
        return unchanged != null ? unchanged : respond(aggregates.aggregate(metrics, q), name, TITLES.get(name));
    }

    /** 304 for a revalidation, or the kept answer ({@link StatsAnswers}); null: compute it. */
    private Response unchanged(StatsQuery q) {
        return request == null ? null : answers.known(request, uri, headers, q.jurisdiction());
    }

    private Response respond(StatsResult result, String name, String title) {
        String file = "stats-" + name + "-" + result.jurisdiction() + "-"
                + (result.year() != null ? result.year() : result.from() + "-" + result.to());
        return answers.respond(request, uri, headers, result, () -> Table.of(result, title), file);
    }

    private static final Map<String, String> TITLES =
            Map.of("applications", "收到和处理申请情况", "outcomes", "申请办理结果", "reviews", "行政复议和行政诉讼", "fees", "收费情况");
}
