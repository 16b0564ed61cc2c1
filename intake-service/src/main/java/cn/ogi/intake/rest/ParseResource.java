package cn.ogi.intake.rest;

import cn.ogi.intake.reading.ParseAnswer;
import cn.ogi.intake.reading.PublishedReports;
import cn.ogi.intake.submission.Submitting;
import cn.ogi.web.Caller;
import cn.ogi.web.Params;
import cn.ogi.web.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/parse")
@Tag(name = "dry runs")
public class ParseResource {

    @Inject
    Submitting submitting;

    @Inject
    PublishedReports published;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.SUBMITTER, Roles.ADMIN})
    @Consumes({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML, PublishedMediaTypes.MARKDOWN, PublishedMediaTypes.PDF})
    @Operation(
            summary =
                    "Read a published report (text, web page, Markdown or PDF) into the canonical form, storing nothing",
            description = "Texts must be UTF-8 (any line structure: one line for the whole page, pipes, tabs, "
                    + "pdftotext layouts, OCR output; HTML pasted as text is read as HTML). source says which form was "
                    + "read (html, pdf, text, markdown), the original's SHA-256 and size, and the page of each table "
                    + "of a PDF; cells says for every cell how its value was established (printed, "
                    + "split-by-constraint, blank-as-printed) or why it is null (ambiguous with the candidates, "
                    + "not-found, unreadable). findings are the rule engine's on the report as printed. 422 (with a "
                    + "reason: pdf-no-text, pdf-encrypted, pdf-too-many-pages, pdf-unreadable, no-tables, not-a-report, no-year, …) when "
                    + "the source cannot be read as a report; 413 beyond intake.reader.max-bytes.")
    public ParseAnswer parse(
            byte[] body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
            @Parameter(description = "The agency's 统一社会信用代码 (optional: the report is read either way)")
                    @QueryParam("agencyCode")
                    String agencyCode,
            @Parameter(description = "The reporting year, when the title does not say it") @QueryParam("year")
                    String year) {
        return ParseAnswer.of(submitting.readPublished(
                RequestBodies.readPublished(body, type, published.maxBytes()),
                agencyCode,
                Params.year("year", year),
                false,
                caller.scope()));
    }
}
