package cn.ogi.reporting.rest;

import cn.ogi.reporting.registry.RegistryImport;
import cn.ogi.web.Problem;
import cn.ogi.web.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/registry/import")
@Tag(name = "registry")
public class RegistryImportResource {

    @Inject
    RegistryImport importer;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes({"text/csv", "text/plain"})
    @Operation(
            summary = "Import jurisdictions and agencies from a CSV, all or nothing",
            description = "Columns: record,code,name,kind,parent,reportsFrom,reportsUntil (see the README). "
                    + "Any bad line refuses the whole file with 422 and every bad line listed in 'errors'. Admins only; "
                    + "each record created or changed is recorded in the audit trail and published on the change feed.")
    @RequestBody(
            description =
                    "UTF-8 CSV with a header line: record (jurisdiction or agency), code, name, kind (an agency's "
                            + "government or department; a jurisdiction's level, optional), parent (a jurisdiction's parent, an "
                            + "agency's jurisdiction), reportsFrom, reportsUntil",
            content = {
                @Content(
                        mediaType = "text/csv",
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "two-records", ref = "registryCsv")),
                @Content(
                        mediaType = "text/plain",
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "two-records", ref = "registryCsv"))
            })
    @APIResponse(
            responseCode = "200",
            description = "Imported: how many records were created, changed and found as they were",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RegistryImport.ImportSummary.class),
                            examples = @ExampleObject(name = "summary", ref = "importSummary")))
    @APIResponse(
            responseCode = "422",
            description = "A bad line (or header) refuses the whole file; errors lists every bad line",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "refused", ref = "importRefused")))
    @APIResponse(
            responseCode = "413",
            description = "Over reporting.http.max-body-size",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "too-large", ref = "registryTooLarge")))
    @APIResponse(responseCode = "415", description = "A Content-Type other than text/csv or text/plain")
    @APIResponse(responseCode = "503", description = "The database is unavailable")
    public RegistryImport.ImportSummary importCsv(InputStream csv) {
        return importer.importCsv(new InputStreamReader(csv, StandardCharsets.UTF_8));
    }
}
