package cn.ogi.reporting.rest;

import cn.ogi.form.identity.AgencyKind;
import cn.ogi.reporting.registry.AgencyView;
import cn.ogi.reporting.registry.RegistryService;
import cn.ogi.web.Caller;
import cn.ogi.web.Page;
import cn.ogi.web.Paging;
import cn.ogi.web.Params;
import cn.ogi.web.Problem;
import cn.ogi.web.ProblemException;
import cn.ogi.web.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/agencies")
@Tag(name = "registry")
public class AgencyResource {

    @Inject
    RegistryService registry;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.SUBMITTER, Roles.SERVICE})
    @Operation(
            summary =
                    "List agencies in a jurisdiction's subtree, optionally of one kind, expected to report in a year, "
                            + "or matching a search",
            description = "q: part of the name, or the start of the 统一社会信用代码 (case-insensitive). A caller bound to "
                    + "a jurisdiction (supervisor, submitter) lists only inside it: without 'jurisdiction' its own "
                    + "subtree, another jurisdiction is 403. Paged: page from 0, size 1 to 500 (default 50).")
    @APIResponse(
            responseCode = "200",
            description = "One page of agencies, ordered by code, and the total that match",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "AgencyPage"),
                            examples = @ExampleObject(name = "liaocheng", ref = "agencyPage")))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid (a division code, kind, year, q over 100 characters, page or size)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "invalid-year", ref = "invalidYear")))
    @APIResponse(
            responseCode = "403",
            description = "The token's roles do not allow it, or jurisdiction is outside the caller's",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "outside-jurisdiction", ref = "outsideJurisdiction")))
    @APIResponse(responseCode = "503", description = "The database is unavailable")
    public Page<AgencyView> list(
            @Parameter(
                            description =
                                    "The jurisdiction (GB/T 2260, 6 digits) whose subtree is listed; default the caller's own",
                            example = "371500")
                    @QueryParam("jurisdiction")
                    String jurisdiction,
            @Parameter(description = "Only agencies of this kind: government or department", example = "department")
                    @QueryParam("kind")
                    String kind,
            @Parameter(
                            description =
                                    "Only agencies expected to report for this year (reportsFrom ≤ year ≤ reportsUntil)",
                            example = "2023")
                    @QueryParam("year")
                    String year,
            @Parameter(
                            description =
                                    "Part of the name, or the start of the 统一社会信用代码 (case-insensitive), at most 100 characters",
                            example = "市场监督")
                    @QueryParam("q")
                    String q,
            @Parameter(description = "The page, from 0 (default 0)", example = "0") @QueryParam("page") String page,
            @Parameter(description = "Agencies per page, 1 to 500 (default 50)", example = "50") @QueryParam("size")
                    String size) {
        if (q != null && q.strip().length() > 100) {
            throw ProblemException.badRequest("invalid-parameters", "Parameter 'q' is at most 100 characters");
        }
        return registry.agencies(
                caller.nodeOrOwnOrAll(Codes.division("jurisdiction", jurisdiction), "jurisdiction"),
                Codes.oneOf("kind", kind, AgencyKind::fromWire, AgencyKind.wireNames()),
                Params.year("year", year),
                q == null || q.isBlank() ? null : q.strip(),
                Paging.of(page, size));
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.SUBMITTER, Roles.SERVICE})
    @Operation(
            summary = "One agency by its 统一社会信用代码",
            description = "Its name, kind (government or department), jurisdiction and the years it is expected to "
                    + "report for (reportsFrom, reportsUntil: inclusive, null for open).")
    @APIResponse(
            responseCode = "200",
            description = "The agency",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgencyView.class),
                            examples = @ExampleObject(name = "agency", ref = "agency")))
    @APIResponse(
            responseCode = "404",
            description = "No agency with this code in the registry",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not-found", ref = "agencyNotFound")))
    @APIResponse(responseCode = "503", description = "The database is unavailable")
    public AgencyView get(
            @Parameter(
                            description = "The agency's 统一社会信用代码: 18 characters, the last a check character",
                            example = "11371500MB28532216")
                    @PathParam("code")
                    String code) {
        return registry.agency(code)
                .orElseThrow(
                        () -> ProblemException.notFound("agency-not-found", "No agency " + code + " in the registry"));
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("{code}")
    @Operation(
            summary = "Create or update an agency (201 when created, 200 otherwise)",
            description = "Admins only. The code must be a valid 统一社会信用代码 and equal the body's; the jurisdiction must "
                    + "exist; kind is government or department; reportsFrom ≤ reportsUntil when both are given. "
                    + "Recorded in the audit trail and published on the change feed (agency.upserted).")
    @RequestBody(
            description = "The agency as it is to be",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgencyView.class),
                            examples = {@ExampleObject(name = "agency", ref = "agency")}))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgencyView.class),
                            examples = @ExampleObject(name = "agency", ref = "agency")))
    @APIResponse(
            responseCode = "200",
            description = "Updated, or already so",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgencyView.class),
                            examples = @ExampleObject(name = "agency", ref = "agency")))
    @APIResponse(
            responseCode = "400",
            description = "No body, or unreadable JSON",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "missing-body", ref = "missingBody")))
    @APIResponse(
            responseCode = "422",
            description = "The registry's rules refuse it (errors lists each), or the body's code differs from the "
                    + "path's",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(name = "invalid", ref = "invalidRegistryEntry"),
                                @ExampleObject(name = "code-mismatch", ref = "codeMismatch")
                            }))
    @APIResponse(responseCode = "415", description = "A Content-Type other than application/json")
    @APIResponse(responseCode = "503", description = "The database is unavailable")
    public Response put(
            @Parameter(
                            description = "The agency's 统一社会信用代码: 18 characters, the last a check character",
                            example = "11371500MB28532216")
                    @PathParam("code")
                    String code,
            AgencyView body) {
        RegistryService.Upserted<AgencyView> result = registry.putAgency(code, JurisdictionResource.requireBody(body));
        return Responses.upserted(result.outcome() == RegistryService.Outcome.CREATED, result.value());
    }
}
