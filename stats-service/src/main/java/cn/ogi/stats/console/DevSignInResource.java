package cn.ogi.stats.console;

import cn.ogi.web.Problem;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The dev sign-in of the console (a developer's machine only; 404 unless stats.console.dev-sign-in.enabled). */
@Path("/dashboard/dev-sign-in")
@PermitAll
@Tag(name = "console")
public class DevSignInResource {

    @Inject
    DevSignIn devSignIn;

    /** Who signs in: a role, the jurisdiction acted for (not needed for admin) and a name (the token's subject). */
    @Schema(name = "DevSignInRequest", example = """
            {"role": "supervisor", "jurisdiction": "370000", "name": "张三"}""")
    public record Request(String role, String jurisdiction, String name) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Dev sign-in: a token signed with the local key for a role, jurisdiction and name",
            description = "Only on a developer's machine (stats.console.dev-sign-in.enabled, set by "
                    + "deploy/local/start); otherwise 404. Answers {access_token, token_type, expires_in}.")
    @RequestBody(
            description = "Who signs in: a role, the jurisdiction acted for (not for admin), a name (the token's "
                    + "subject)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Request.class),
                            examples = {@ExampleObject(name = "supervisor", ref = "signIn")}))
    @APIResponse(
            responseCode = "200",
            description = "A token signed with the local key",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DevSignIn.Token.class),
                            examples = @ExampleObject(name = "token", ref = "token")))
    @APIResponse(
            responseCode = "400",
            description = "A role, jurisdiction or name that cannot be signed in; errors names each",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "role", ref = "signInInvalid")))
    @APIResponse(
            responseCode = "404",
            description = "Not enabled on this server",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "disabled", ref = "signInDisabled")))
    @APIResponse(responseCode = "415", description = "A Content-Type other than application/json")
    public DevSignIn.Token signIn(Request request) {
        return request == null
                ? devSignIn.signIn(null, null, null)
                : devSignIn.signIn(request.role(), request.jurisdiction(), request.name());
    }
}
