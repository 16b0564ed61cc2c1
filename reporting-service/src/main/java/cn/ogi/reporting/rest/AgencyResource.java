package cn.ogi.reporting.rest;

import cn.ogi.reporting.registry.AgencyView;
import cn.ogi.reporting.registry.RegistryRules;
import cn.ogi.reporting.registry.RegistryService;
import cn.ogi.web.Caller;
import cn.ogi.web.Page;
import cn.ogi.web.Paging;
import cn.ogi.web.Params;
import cn.ogi.web.ProblemException;
import cn.ogi.web.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
                    + "subtree, another jurisdiction is 403.")
    public Page<AgencyView> list(
            @QueryParam("jurisdiction") String jurisdiction,
            @QueryParam("kind") String kind,
            @QueryParam("year") String year,
            @QueryParam("q") String q,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        if (q != null && q.strip().length() > 100) {
            throw ProblemException.badRequest("invalid-parameters", "Parameter 'q' is at most 100 characters");
        }
        return registry.agencies(
                caller.nodeOrOwnOrAll(Codes.division("jurisdiction", jurisdiction), "jurisdiction"),
                Codes.oneOf("kind", kind, RegistryRules.KINDS),
                Params.year("year", year),
                q == null || q.isBlank() ? null : q.strip(),
                Paging.of(page, size));
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.SUBMITTER, Roles.SERVICE})
    @Operation(summary = "One agency by its 统一社会信用代码")
    public AgencyView get(@PathParam("code") String code) {
        return registry.agency(code)
                .orElseThrow(
                        () -> ProblemException.notFound("agency-not-found", "No agency " + code + " in the registry"));
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("{code}")
    @Operation(summary = "Create or update an agency (201 when created, 200 otherwise)")
    public Response put(@PathParam("code") String code, AgencyView body) {
        RegistryService.Upserted<AgencyView> result = registry.putAgency(code, JurisdictionResource.requireBody(body));
        return Responses.upserted(result.outcome() == RegistryService.Outcome.CREATED, result.value());
    }
}
