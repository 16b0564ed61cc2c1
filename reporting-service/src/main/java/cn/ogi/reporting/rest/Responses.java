package cn.ogi.reporting.rest;

import jakarta.ws.rs.core.Response;

final class Responses {

    private Responses() {}

    static Response upserted(boolean created, Object entity) {
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                .entity(entity)
                .build();
    }
}
