package cn.ogi.intake.metrics;

import cn.ogi.intake.submission.LineResult;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Counts every answer to a single submission ({@code POST /api/v1/submissions}, JSON or text) by the outcome its
 * status means, in the batch answer's words; a batch counts its lines from its summary ({@link IntakeMetrics#batch}).
 * Counted from the answer rather than inside the submission path, so that refusals raised anywhere (authentication,
 * body limits, the checks, an outage) are counted alike.
 */
@Provider
public class SubmissionOutcomes implements ContainerResponseFilter {

    private static final String SUBMISSIONS = "/api/v1/submissions";

    @Inject
    IntakeMetrics metrics;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!"POST".equals(request.getMethod())
                || !isSubmissions(request.getUriInfo().getPath())) {
            return;
        }
        MediaType type = request.getMediaType();
        String channel =
                type != null && type.isCompatible(MediaType.TEXT_PLAIN_TYPE) ? IntakeMetrics.TEXT : IntakeMetrics.JSON;
        metrics.submitted(channel, outcome(response.getStatus()));
    }

    private static boolean isSubmissions(String path) {
        return SUBMISSIONS.equals(path) || (SUBMISSIONS + "/").equals(path);
    }

    /** What a single submission's status says, in {@link LineResult}'s words. */
    static String outcome(int status) {
        return switch (status) {
            case 202 -> LineResult.ACCEPTED;
            case 200 -> LineResult.REPEATED;
            case 422 -> LineResult.REJECTED;
            case 401, 403 -> LineResult.FORBIDDEN;
            case 409, 412 -> LineResult.CONFLICT;
            case 503 -> LineResult.UNAVAILABLE;
            default -> status >= 500 ? LineResult.ERROR : LineResult.INVALID;
        };
    }
}
