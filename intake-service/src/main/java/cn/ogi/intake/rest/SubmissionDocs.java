package cn.ogi.intake.rest;

/**
 * The OpenAPI texts of {@code POST /api/v1/submissions}. Both methods answer it (by Content-Type), which OpenAPI
 * documents as one operation: they carry the same summary, description and parameter texts.
 */
final class SubmissionDocs {

    private SubmissionDocs() {}

    static final String SUBMIT_SUMMARY =
            "Submit one report: canonical JSON, or as published (text, web page, Markdown, PDF)";

    static final String SUBMIT_DESCRIPTION = "application/json: checks the structure (every problem at once), the "
            + "agency and the rules; 422 with every finding when refused. A published report (text/plain, text/html, "
            + "text/markdown, application/pdf) is read into the canonical form as POST /api/v1/parse reads it and "
            + "stored as published: broken rules are recorded as findings, not refused, so that supervisors see them; "
            + "only an unreadable source (422 saying why) or an unknown agency is refused, and a correction of a report "
            + "already received needs correctionReason. The text read is kept with the version (a PDF's text layer), "
            + "and a PDF's bytes with their SHA-256. Otherwise stored and queued for delivery: 202 with Location. "
            + "Idempotency-Key: the same key and body give the same submission (200); another body, 409. "
            + "If-Match: \"n\" makes the correction conditional on the report being at version n (checked on delivery: "
            + "a submission at another version ends REJECTED). importedHistory=true (admins only, else 403): history "
            + "imported from the agency's publication; stats then judges its lateness by its stated publishedOn however "
            + "long ago it was.";

    static final String IDEMPOTENCY_KEY = "1 to 200 printable characters naming this submission: sent again with "
            + "the same body it gives the first submission (200), with another body 409";
    static final String IF_MATCH = "The report's ETag, its version number in quotes: the submission is delivered only "
            + "if the report is still at that version";
    static final String IMPORTED_HISTORY =
            "true marks the report as history imported from the agency's publication " + "(admins only; default false)";
}
