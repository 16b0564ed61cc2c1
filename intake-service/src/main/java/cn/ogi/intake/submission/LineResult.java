package cn.ogi.intake.submission;

import cn.ogi.form.rules.Finding;
import cn.ogi.web.ProblemException;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/**
 * The answer to one line of a batch. {@code status}: {@code accepted} (stored, to be delivered), {@code repeated}
 * (its idempotency key was already used with the same content: the first submission), {@code rejected} (the
 * report breaks the format or the rules: {@code findings}), {@code invalid} (not JSON, not UTF-8, too long,
 * beyond a limit), {@code forbidden} (an agency outside the caller's jurisdiction), {@code conflict} (the key
 * was used with other content), {@code unavailable} (the database was away: send the line again), {@code error}
 * (an internal failure, with an incident id in {@code detail}: send it again or report it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LineResult(
        int line,
        String status,
        UUID id,
        String location,
        String idempotencyKey,
        String detail,
        List<Finding> findings) {

    public static final String ACCEPTED = "accepted";
    public static final String REPEATED = "repeated";
    public static final String REJECTED = "rejected";
    public static final String INVALID = "invalid";
    public static final String FORBIDDEN = "forbidden";
    public static final String CONFLICT = "conflict";
    public static final String UNAVAILABLE = "unavailable";
    public static final String ERROR = "error";

    /** Every status, in the order the summary lists them. */
    public static final List<String> STATUSES =
            List.of(ACCEPTED, REPEATED, REJECTED, INVALID, FORBIDDEN, CONFLICT, UNAVAILABLE, ERROR);

    /**
     * The status of a line whose checks refused it with {@code refusal}, by what the refusal is: 403 forbidden (an
     * agency outside the caller's jurisdiction), 503 unavailable (the registry could not be followed: send it
     * again), 409 conflict, another 4xx invalid; null for anything else, which is not the line's to fix.
     */
    static String statusOf(ProblemException refusal) {
        int status = refusal.status();
        if (status == 403) {
            return FORBIDDEN;
        }
        if (status == 503) {
            return UNAVAILABLE;
        }
        if (status == 409) {
            return CONFLICT;
        }
        return status >= 400 && status < 500 ? INVALID : null;
    }

    static LineResult refused(int line, String status, String key, String detail, List<Finding> findings) {
        return new LineResult(line, status, null, null, key, detail, findings);
    }

    static LineResult stored(int line, boolean created, UUID id, String key, List<Finding> findings) {
        return new LineResult(
                line,
                created ? ACCEPTED : REPEATED,
                id,
                "/api/v1/submissions/" + id,
                key,
                null,
                findings == null || findings.isEmpty() ? null : findings);
    }
}
