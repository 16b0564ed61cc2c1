package cn.ogi.intake.rest;

import cn.ogi.web.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a single report whose declared size is over the bound before its body is read (bodies of
 * single reports are read whole; only NDJSON batches are streamed, so they are not bounded here).
 */
public class SingleReportSizeFilter {

    @ServerRequestFilter(preMatching = true)
    public Response refuseOversizedReports(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.endsWith("/submissions/batch") || !"POST".equals(request.getMethod())) {
            return null;
        }
        if (request.getLength() > RequestBodies.MAX_REPORT_BYTES) {
            Problem problem = RequestBodies.tooLarge().toProblem(path);
            return Response.status(413).type(Problem.MEDIA_TYPE).entity(problem).build();
        }
        return null;
    }
}
