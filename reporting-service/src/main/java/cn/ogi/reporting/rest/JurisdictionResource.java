package cn.ogi.reporting.rest;

import cn.ogi.reporting.registry.JurisdictionView;
import cn.ogi.reporting.registry.RegistryRules;
import cn.ogi.reporting.registry.RegistryService;
import cn.ogi.web.Page;
import cn.ogi.web.Paging;
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

@Path("/api/v1/jurisdictions")
@Tag(name = "registry")
public class JurisdictionResource {

    @Inject
    RegistryService registry;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.SUBMITTER, Roles.SERVICE})
    @Operation(summary = "List jurisdictions, optionally the children of one parent or those of one level")
    public Page<JurisdictionView> list(
            @QueryParam("parent") String parent,
            @QueryParam("level") String level,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return registry.jurisdictions(
                Codes.division("parent", parent),
                Codes.oneOf("level", level, RegistryRules.LEVELS),
                Paging.of(page, size));
    }

    @GET
    @Path("{code}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.SUBMITTER, Roles.SERVICE})
    @Operation(summary = "One jurisdiction by its GB/T 2260 code")
    public JurisdictionView get(@PathParam("code") String code) {
        return registry.jurisdiction(code)
                .orElseThrow(() -> ProblemException.notFound(
                        "jurisdiction-not-found", "No jurisdiction " + code + " in the registry"));
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("{code}")
    @Operation(summary = "Create or update a jurisdiction (201 when created, 200 otherwise)")
    public Response put(@PathParam("code") String code, JurisdictionView body) {
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
