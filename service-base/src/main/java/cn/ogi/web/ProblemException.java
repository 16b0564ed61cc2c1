package cn.ogi.web;

import cn.ogi.form.rules.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown by services for any refusal that the client can act on; the shared mapper turns it into
 * problem+json with the given status. Build with the static factories, add detail with the withers.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Finding> findings;
    private final List<Problem.InputError> errors;
    private final Map<String, Object> context;
    /** The jurisdiction a refused request was about, for the audit trail; never rendered. */
    private final String targetJurisdiction;

    private ProblemException(
            int status,
            String slug,
            String title,
            String detail,
            List<Finding> findings,
            List<Problem.InputError> errors,
            Map<String, Object> context,
            String targetJurisdiction) {
        super(detail);
        this.targetJurisdiction = targetJurisdiction;
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.findings = List.copyOf(findings);
        this.errors = List.copyOf(errors);
        this.context = context;
    }

    public static ProblemException of(int status, String slug, String title, String detail) {
        return new ProblemException(status, slug, title, detail, List.of(), List.of(), new LinkedHashMap<>(), null);
    }

    public static ProblemException badRequest(String slug, String detail) {
        return of(400, slug, "Bad request", detail);
    }

    public static ProblemException notFound(String slug, String detail) {
        return of(404, slug, "Not found", detail);
    }

    public static ProblemException conflict(String slug, String detail) {
        return of(409, slug, "Conflict", detail);
    }

    public static ProblemException unprocessable(String slug, String detail) {
        return of(422, slug, "Unprocessable content", detail);
    }

    public ProblemException withFindings(List<Finding> findings) {
        return new ProblemException(status, slug, title, getMessage(), findings, errors, context, targetJurisdiction);
    }

    public ProblemException withErrors(List<Problem.InputError> errors) {
        return new ProblemException(status, slug, title, getMessage(), findings, errors, context, targetJurisdiction);
    }

    public ProblemException with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(context);
        copy.put(key, value);
        return new ProblemException(status, slug, title, getMessage(), findings, errors, copy, targetJurisdiction);
    }

    /** Remembers the jurisdiction the refused request was about (for the audit trail, not the client). */
    public ProblemException about(String jurisdiction) {
        return new ProblemException(status, slug, title, getMessage(), findings, errors, context, jurisdiction);
    }

    public String targetJurisdiction() {
        return targetJurisdiction;
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.TYPE_BASE + slug, title, status, getMessage(), instance, findings, errors, context);
    }
}
