package cn.ogi.web;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/** Conditional GETs: answer 304 when the client already holds the representation. */
public final class EntityTags {

    private EntityTags() {}

    /** 200 with the entity and its ETag, or 304 when {@code If-None-Match} matches. */
    public static Response okOrNotModified(Request request, String tag, Object entity) {
        EntityTag etag = new EntityTag(tag);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.tag(etag).build();
        }
        return Response.ok(entity).tag(etag).build();
    }
}
