package cn.ogi.reporting.rest;

import cn.ogi.reporting.registry.RegistryImport;
import cn.ogi.web.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
                    + "Any bad line refuses the whole file with 422 and every bad line listed in 'errors'.")
    public RegistryImport.ImportSummary importCsv(InputStream csv) {
        return importer.importCsv(new InputStreamReader(csv, StandardCharsets.UTF_8));
    }
}
