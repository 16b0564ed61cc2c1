package cn.ogi.reporting.rest;

import cn.ogi.reporting.report.PublishedOriginal;
import cn.ogi.reporting.report.Report;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/** Serving a version's document as published: as it came, immutable, revalidated by its SHA-256. */
final class Originals {

    /** A version's original never changes: a private cache (the caller's browser) may keep it a year. */
    static final String CACHE_CONTROL = "private, max-age=31536000, immutable";

    /**
     * Published HTML (and text a browser might sniff as such) is the agency's page, not ours: it runs sandboxed,
     * loads nothing from elsewhere. Not for PDFs, which browsers' viewers refuse to show sandboxed.
     */
    static final String SANDBOX = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private Originals() {}

    static Response serve(Request request, Report report, int number, PublishedOriginal original) {
        EntityTag etag = new EntityTag(original.sha256());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        Response.ResponseBuilder answer =
                notModified != null ? notModified : Response.ok(original.bytes(), original.mediaType());
        answer.tag(etag)
                .header("Cache-Control", CACHE_CONTROL)
                .header(
                        "Content-Disposition",
                        "inline; filename=\"" + original.fileName(report.agencyCode, report.year, number) + "\"");
        if (!original.mediaType().toLowerCase(java.util.Locale.ROOT).startsWith("application/pdf")) {
            answer.header("Content-Security-Policy", SANDBOX);
        }
        return answer.build();
    }
}
