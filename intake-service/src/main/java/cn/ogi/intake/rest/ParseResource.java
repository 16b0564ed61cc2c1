package cn.ogi.intake.rest;

import cn.ogi.intake.reading.ParseAnswer;
import cn.ogi.intake.reading.PublishedReports;
import cn.ogi.intake.submission.Submitting;
import cn.ogi.web.Caller;
import cn.ogi.web.Params;
import cn.ogi.web.Problem;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @RequestBody(
            description = PublishedMediaTypes.BODY_DESCRIPTION,
            content = {
                @Content(
                        mediaType = MediaType.TEXT_PLAIN,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "text", ref = "publishedText")),
                @Content(
                        mediaType = MediaType.TEXT_HTML,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "page", ref = "publishedHtml")),
                @Content(
                        mediaType = PublishedMediaTypes.MARKDOWN,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "markdown", ref = "publishedMarkdown")),
                @Content(
                        mediaType = PublishedMediaTypes.PDF,
                        schema = @Schema(type = SchemaType.STRING, format = "binary"),
                        examples = @ExampleObject(name = "pdf", ref = "publishedPdf"))
            })
    @APIResponse(
            responseCode = "200",
            description = "The report as read, its findings, the reader's notes, the source and every cell's reading",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ParseAnswer.class),
                            examples = @ExampleObject(name = "legacy", ref = "parsedLegacy")))
    @APIResponse(
            responseCode = "400",
            description = "An empty body, a text not in UTF-8 or holding a control character, an invalid parameter",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = {
                                @ExampleObject(name = "empty-body", ref = "emptyBody"),
                                @ExampleObject(name = "not-utf8", ref = "notUtf8")
                            }))
    @APIResponse(
            responseCode = "403",
            description = "The token's roles do not allow it, or agencyCode is outside the caller's jurisdiction",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "outside-jurisdiction", ref = "outsideJurisdiction")))
    @APIResponse(
            responseCode = "413",
            description = "Over intake.reader.max-bytes",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "published", ref = "publishedTooLarge")))
    @APIResponse(responseCode = "415", description = "A Content-Type other than those listed")
    @APIResponse(
            responseCode = "422",
            description = "The source cannot be read as a report; reason says why",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "unreadable", ref = "unreadableReport")))
    @APIResponse(responseCode = "503", description = "The database is unavailable")
    public ParseAnswer parse(
            byte[] body,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
            @Parameter(
                            description = "The agency's 统一社会信用代码, 18 characters (optional: the report is read "
                                    + "either way)",
                            example = "11371500MB28532216")
                    @QueryParam("agencyCode")
                    String agencyCode,
            @Parameter(
                            description =
                                    "The reporting year (2000 to the current year), when the title does not say it",
                            example = "2013")
                    @QueryParam("year")
                    String year) {
        return ParseAnswer.of(submitting.readPublished(
                RequestBodies.readPublished(body, type, published.maxBytes()),
                agencyCode,
                Params.year("year", year),
                false,
                caller.scope()));
    }
}
