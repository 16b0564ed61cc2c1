package cn.ogi.stats.feed;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** reporting-service's change feed; the base URL is {@code quarkus.rest-client.reporting.url}. */
@RegisterRestClient(configKey = "reporting")
@Path("/api/v1/changes")
public interface ChangeFeedClient {

    @GET
    FeedPage changes(@QueryParam("after") long after, @QueryParam("limit") int limit);
}
