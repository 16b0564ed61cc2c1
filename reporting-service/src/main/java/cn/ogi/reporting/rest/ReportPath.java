package cn.ogi.reporting.rest;

import cn.ogi.web.Params;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The report a path names, {@code {agencyCode}/{year}}, documented once for every report endpoint; read as text so
 * that a bad year is a 400 naming it (a JAX-RS conversion failure would be a bare 404).
 */
public class ReportPath {

    @Parameter(description = "The agency's 统一社会信用代码 (18 characters)", example = "11371500MB28532216")
    @PathParam("agencyCode")
    String agencyCode;

    @Parameter(description = "The reporting year, 2000 to 2100", example = "2023")
    @PathParam("year")
    String year;

    String agencyCode() {
        return agencyCode;
    }

    /** The year as a number; 400 naming {@code year} when it is not one. */
    int year() {
        return Params.requiredYear("year", year);
    }
}
