package cn.ogi.reporting.rest;

import cn.ogi.web.Problem;
import cn.ogi.web.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The HTTP layer's bound ({@code quarkus.http.limits.max-body-size}) is raised for deliveries (single and batched), which may carry a
 * published original in base64; every other body keeps the bound it had, {@code reporting.http.max-body-size} (8M),
 * refused here with a 413 problem by its declared length before it is read. (A body sent without a length, chunked,
 * is held to the HTTP layer's bound only.)
 */
public class BodySizeFilter {

    /** A single delivery, or a batch of them ({@code POST /api/v1/deliveries}). */
    private static final Pattern DELIVERY = Pattern.compile(".*/api/v1/(?:reports/[^/]+/[^/]+/versions|deliveries)/?");

    @Inject
    BodyLimits limits;

    @ServerRequestFilter(preMatching = true)
    public Response refuseOversizedBodies(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean delivery =
                "POST".equals(request.getMethod()) && DELIVERY.matcher(path).matches();
        long maxBodySize = limits.maxBodySize().asLongValue();
        if (delivery || request.getLength() <= maxBodySize) {
            return null;
        }
        Problem problem = ProblemException.of(
                        413,
                        "body-too-large",
                        "Payload too large",
                        "The body (" + request.getLength() + " bytes) is larger than this endpoint accepts ("
                                + maxBodySize + " bytes, reporting.http.max-body-size)")
                .toProblem(path);
        return Response.status(413).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
