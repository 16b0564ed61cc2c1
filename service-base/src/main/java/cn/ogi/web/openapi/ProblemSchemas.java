package cn.ogi.web.openapi;

import cn.ogi.web.Problem;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The schema of {@link Problem} as the services write it: RFC 9457's members, the rule findings of a refused report,
 * the input errors of a bad parameter or line, and the extension members the services add ({@code reason},
 * {@code submission}, {@code retryAfter}).
 */
final class ProblemSchemas {

    private ProblemSchemas() {}

    static void addTo(Components components) {
        components.addSchema("Problem", problem());
        components.addSchema("Finding", finding());
        components.addSchema("InputError", inputError());
    }

    /** Every error response's problem+json body references the one Problem schema. */
    static void referenceProblem(APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
            return;
        }
        MediaType problem = response.getContent().getMediaType(Problem.MEDIA_TYPE);
        if (problem != null && problem.getSchema() == null) {
            problem.setSchema(OASFactory.createSchema().ref(ProblemDocumentation.PROBLEM_REF));
        }
    }

    private static Schema problem() {
        Schema problem = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem (application/problem+json): what went wrong and where. type, title, "
                        + "status, detail and instance are always present; findings when a report is refused by its "
                        + "rules, errors when parameters or lines are invalid; extension members beside them.")
                .addProperty(
                        "type",
                        text("The kind of problem: " + Problem.TYPE_BASE + " and a slug (unauthenticated, forbidden, "
                                        + "outside-jurisdiction, invalid-parameters, unreadable-json, report-refused, "
                                        + "…); clients branch on it")
                                .format("uri"))
                .addProperty("title", text("A short, fixed summary of the kind (the HTTP reason phrase)"))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .format("int32")
                                .minimum(java.math.BigDecimal.valueOf(400))
                                .maximum(java.math.BigDecimal.valueOf(599))
                                .description("The HTTP status of this answer"))
                .addProperty("detail", text("What exactly is wrong, and where, for this request"))
                .addProperty(
                        "instance", text("The path the request was made to").format("uri-reference"))
                .addProperty(
                        "findings",
                        arrayOf(
                                ref("Finding"),
                                "A refused report's findings: every rule it breaks, every structural problem"))
                .addProperty(
                        "errors",
                        arrayOf(
                                ref("InputError"),
                                "The invalid parameters, headers, fields or lines, each with what is wrong"));
        return withExtensions(problem)
                .additionalPropertiesBoolean(Boolean.TRUE)
                .required(List.of("type", "title", "status", "detail", "instance"))
                .examples(List.of(Map.of(
                        "type", Problem.TYPE_BASE + "forbidden",
                        "title", "Forbidden",
                        "status", 403,
                        "detail", "Your roles do not allow /api/v1/audit; see the README's role table",
                        "instance", "/api/v1/audit")));
    }

    /** The extension members some answers carry beside the standard ones. */
    private static Schema withExtensions(Schema problem) {
        return problem.addProperty(
                        "reason",
                        text("Extension (POST /api/v1/parse and text submissions, 422): why a published report cannot "
                                + "be read — pdf-no-text, pdf-encrypted, pdf-too-many-pages, pdf-unreadable, no-tables, "
                                + "not-a-report, no-year, …"))
                .addProperty(
                        "submission",
                        text("Extension (409 on an Idempotency-Key reused with another body): the submission the key "
                                        + "belongs to")
                                .format("uri-reference"))
                .addProperty(
                        "retryAfter",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .format("int32")
                                .description("Extension (503): the seconds to wait, as the Retry-After header says"))
                .addProperty(
                        "currentVersion",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .format("int32")
                                .description("Extension (412 version-mismatch, 422 correction-reason-required): the "
                                        + "report's latest version"))
                .addProperty(
                        "version",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .format("int32")
                                .description("Extension (409 report-locked): the version the report is locked at"));
    }

    private static Schema finding() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("A broken rule (勾稽关系) or a structural problem of one report")
                .addProperty(
                        "rule",
                        text("The rule's code: APP-BALANCE, APP-TOTAL-ROW, APP-TOTAL-COL, REV-TOTAL, NON-NEGATIVE, "
                                + "CARRY-CHAIN, IN-FORCE-CHAIN, VALUE-RANGE, or SCHEMA-* for the structure"))
                .addProperty(
                        "severity",
                        text("error refuses a pushed report; warning never does")
                                .enumeration(List.of("error", "warning")))
                .addProperty(
                        "cells",
                        arrayOf(
                                text("A cell key such as applications.newReceived.total, or an identity field"),
                                "The cells (or identity fields) concerned, in the rule's order"))
                .addProperty("message", text("What is wrong and where, in English, with the numbers"))
                .required(List.of("rule", "severity", "cells", "message"))
                .examples(List.of(Map.of(
                        "rule",
                        "REV-TOTAL",
                        "severity",
                        "error",
                        "cells",
                        List.of(
                                "reviews.reconsideration.total",
                                "reviews.reconsideration.upheld",
                                "reviews.reconsideration.corrected",
                                "reviews.reconsideration.other",
                                "reviews.reconsideration.pending"),
                        "message",
                        "reviews group reconsideration: total = 3, but upheld + corrected + other + pending "
                                + "= 4")));
    }

    private static Schema inputError() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("One bad input: where (a line of a CSV or NDJSON body, a parameter, a field) and what is "
                        + "wrong")
                .addProperty(
                        "line",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .format("int32")
                                .minimum(java.math.BigDecimal.ONE)
                                .description("The line of the body, counted from 1, when the input has lines"))
                .addProperty("field", text("The parameter, header or field: year, Idempotency-Key, body, code, …"))
                .addProperty("message", text("What is wrong with it"))
                .required(List.of("message"))
                .examples(List.of(Map.of("field", "year", "message", "must be an integer, got 'twenty'")));
    }

    static Schema text(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }

    /** An array of {@code items}, described. */
    private static Schema arrayOf(Schema items, String description) {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.ARRAY)
                .items(items)
                .description(description);
    }

    static Schema ref(String schema) {
        return OASFactory.createSchema().ref("#/components/schemas/" + schema);
    }
}
