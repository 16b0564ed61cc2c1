package cn.ogi.reporting.rest;

import cn.ogi.form.identity.DivisionLevel;
import cn.ogi.reporting.registry.JurisdictionView;
import cn.ogi.reporting.registry.RegistryService;
import cn.ogi.web.Page;
import cn.ogi.web.Paging;
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

@Path("/api/v1/jurisdictions")
@Tag(name = "registry")
public class JurisdictionResource {

    @Inject
    RegistryService registry;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.SUBMITTER, Roles.SERVICE})
    @Operation(
            summary = "List jurisdictions, optionally the children of one parent or those of one level",
            description = "The registry's jurisdictions (GB/T 2260 division codes: province, city, county), "
                    + "ordered by code. Paged: page from 0, size 1 to 500 (default 50).")
    @APIResponse(
            responseCode = "200",
            description = "One page of jurisdictions and the total that match",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(ref = "JurisdictionPage"),
                            examples = @ExampleObject(name = "counties", ref = "jurisdictionPage")))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is invalid (a division code, level, page or size)",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "invalid-year", ref = "invalidYear")))
    @APIResponse(responseCode = "503", description = "The database is unavailable")
    public Page<JurisdictionView> list(
            @Parameter(description = "Only the children of this jurisdiction (GB/T 2260, 6 digits)", example = "371500")
                    @QueryParam("parent")
                    String parent,
            @Parameter(description = "Only jurisdictions of this level: province, city or county", example = "county")
                    @QueryParam("level")
                    String level,
            @Parameter(description = "The page, from 0 (default 0)", example = "0") @QueryParam("page") String page,
            @Parameter(description = "Jurisdictions per page, 1 to 500 (default 50)", example = "50")
                    @QueryParam("size")
                    String size) {
        return registry.jurisdictions(
                Codes.division("parent", parent),
                Codes.oneOf("level", level, DivisionLevel::fromWire, DivisionLevel.wireNames()),
                Paging.of(page, size));
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.SUBMITTER, Roles.SERVICE})
    @Operation(
            summary = "One jurisdiction by its GB/T 2260 code",
            description = "Its name, level (province, city, county) and parent.")
    @APIResponse(
            responseCode = "200",
            description = "The jurisdiction",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = JurisdictionView.class),
                            examples = @ExampleObject(name = "county", ref = "jurisdiction")))
    @APIResponse(
            responseCode = "404",
            description = "No jurisdiction with this code in the registry",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not-found", ref = "jurisdictionNotFound")))
    @APIResponse(responseCode = "503", description = "The database is unavailable")
    public JurisdictionView get(
            @Parameter(description = "The jurisdiction's GB/T 2260 division code, 6 digits", example = "371502")
                    @PathParam("code")
                    String code) {
        return registry.jurisdiction(code)
                .orElseThrow(() -> ProblemException.notFound(
                        "jurisdiction-not-found", "No jurisdiction " + code + " in the registry"));
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("{code}")
    @Operation(
            summary = "Create or update a jurisdiction (201 when created, 200 otherwise)",
            description = "Admins only. The code must be a division code equal to the body's; the parent must exist "
                    + "and be of a higher level; level is derived from the code when absent. Recorded in the audit "
                    + "trail and published on the change feed (jurisdiction.upserted).")
    @RequestBody(
            description = "The jurisdiction as it is to be",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = JurisdictionView.class),
                            examples = {@ExampleObject(name = "county", ref = "jurisdiction")}))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = JurisdictionView.class),
                            examples = @ExampleObject(name = "county", ref = "jurisdiction")))
    @APIResponse(
            responseCode = "200",
            description = "Updated, or already so",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = JurisdictionView.class),
                            examples = @ExampleObject(name = "county", ref = "jurisdiction")))
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
            @Parameter(description = "The jurisdiction's GB/T 2260 division code, 6 digits", example = "371502")
                    @PathParam("code")
                    String code,
            JurisdictionView body) {
        RegistryService.Upserted<JurisdictionView> result = registry.putJurisdiction(code, requireBody(body));
        return Responses.upserted(result.outcome() == RegistryService.Outcome.CREATED, result.value());
    }

    static <T> T requireBody(T body) {
        if (body == null) {
            throw ProblemException.badRequest("missing-body", "The request needs a JSON body");
        }
        return body;
    }
}
