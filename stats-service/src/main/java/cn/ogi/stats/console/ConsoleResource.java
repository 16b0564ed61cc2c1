package cn.ogi.stats.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The supervisors' console: one page shell for every view (the views are drawn in the browser from the public
 * APIs, called with the signed-in person's bearer token), and the sign-in page. The pages and their assets are
 * public; no data is in them.
 */
@Path("/dashboard")
@PermitAll
@Tag(name = "console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

    @Inject
    ConsoleSettings settings;

    @Location("console/dashboard.html")
    Template dashboard;

    @Location("console/signin.html")
    Template signin;

    @GET
    @Operation(
            summary = "The console (HTML): the overview of the signed-in person's own node and the latest year",
            description = "A page shell with no data in it: the views are drawn in the browser from the public APIs, "
                    + "called with the signed-in person's bearer token. Public.")
    @APIResponse(
            responseCode = "200",
            description = "The console page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response home() {
        return page(dashboard);
    }

    /**
     * Every view has a URL of its own so that it can be bookmarked and shared ({@code /dashboard/overview/370000/2024},
     * {@code /dashboard/report/<agency>/2024}); all of them are the same shell.
     */
    @GET
    @Path("{view: overview|chase|quality|report|agencies|callback}{rest: (/.*)?}")
    @Operation(
            summary = "A view of the console (HTML); the view and its node or report are in the path",
            description = "overview, chase, quality, report, agencies or callback, then the node or report: "
                    + "/dashboard/overview/370000/2024, /dashboard/report/<agencyCode>/2024. The same shell as "
                    + "/dashboard, so that every view can be bookmarked and shared. Public.")
    @APIResponse(
            responseCode = "200",
            description = "The console page, showing the view",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response view(
            @Parameter(
                            description = "The view: overview, chase, quality, report, agencies or callback",
                            example = "overview",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {
                                                "overview",
                                                "chase",
                                                "quality",
                                                "report",
                                                "agencies",
                                                "callback"
                                            }))
                    @PathParam("view")
                    String view,
            @Parameter(
                            description = "What the view shows, after it: /<node>/<year> for the overview, chase and "
                                    + "quality, /<agencyCode>/<year> for a report; may be empty",
                            example = "/370000/2024",
                            schema = @Schema(type = SchemaType.STRING, pattern = "(/.*)?"))
                    @PathParam("rest")
                    String rest) {
        return home();
    }

    @GET
    @Path("signin")
    @Operation(
            summary = "The sign-in page (HTML): the province's identity provider, and on a developer's machine the "
                    + "dev sign-in form",
            description = "Public. Signing in ends with a bearer token kept by the browser for the API calls.")
    @APIResponse(
            responseCode = "200",
            description = "The sign-in page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response signIn() {
        return page(signin);
    }

    /** A page with the policy that holds it to its own scripts and the configured services. */
    private Response page(Template template) {
        ConsolePage page = ConsolePage.of(settings);
        return Response.ok(template.data("page", page).render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", ContentSecurityPolicy.of(page))
                .header("Referrer-Policy", "same-origin")
                .build();
    }
}
