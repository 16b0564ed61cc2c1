package cn.ogi.intake.rest;

import cn.ogi.intake.reading.PublishedReports;
import cn.ogi.web.Problem;
import cn.ogi.web.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a single report whose declared size is over its bound (1 MiB for JSON, intake.reader.max-bytes for a
 * published text, page or PDF) before its body is read (bodies of
 * single reports are read whole; only NDJSON batches are streamed, so they are not bounded here).
 */
public class SingleReportSizeFilter {

    @Inject
    PublishedReports reports;

    @ServerRequestFilter(preMatching = true)
    public Response refuseOversizedReports(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.endsWith("/submissions/batch") || !"POST".equals(request.getMethod())) {
            return null;
        }
        MediaType type = request.getMediaType();
        boolean published = type != null
                && !(type.getSubtype().equalsIgnoreCase("json")
                        || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
        long bound = published ? reports.maxBytes() : RequestBodies.MAX_REPORT_BYTES;
        if (request.getLength() > bound) {
            ProblemException tooLarge =
                    published ? RequestBodies.publishedTooLarge(reports.maxBytes()) : RequestBodies.tooLarge();
            Problem problem = tooLarge.toProblem(path);
            return Response.status(413).type(Problem.MEDIA_TYPE).entity(problem).build();
        }
        return null;
    }
}
