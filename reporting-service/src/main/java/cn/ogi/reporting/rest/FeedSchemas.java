package cn.ogi.reporting.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The documentation of the feed contract's records (feed-contract, a plain library without OpenAPI annotations) in
 * reporting-service's document: the example event, the traceparent's meaning, the example receipt. Their schemas
 * themselves are read from the records, so that the document shows exactly what is served.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class FeedSchemas implements OASFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String EVENT_EXAMPLE = """
            {"seq": 42, "type": "agency.upserted", "key": "11371500MB28532216", "recordedAt": "2026-01-20T08:00:00Z",
             "payload": {"code": "11371500MB28532216", "name": "聊城市市场监督管理局", "kind": "department",
                         "jurisdiction": "371500", "reportsFrom": 2019, "reportsUntil": null}}""";

    static final String RECEIPT_EXAMPLE = """
            {"agencyCode": "11371500MB28532216", "year": 2023, "version": 2, "unchanged": false, "replayed": false,
             "findings": [{"rule": "CARRY-CHAIN", "severity": "warning", "cells": ["applications.carriedOver.total"],
                           "message": "applications column total: carriedOver 3 differs from last year's carriedForward 2"}]}""";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Schema event = schemas.get("ChangeEvent");
        if (event != null) {
            event.examples(List.of(parse(EVENT_EXAMPLE)));
            Schema traceparent =
                    event.getProperties() == null ? null : event.getProperties().get("traceparent");
            if (traceparent != null) {
                traceparent
                        .description("The W3C traceparent (Trace Context) of the span that wrote the event — the "
                                + "delivery of the version, the approval, the registry change — for a consumer's "
                                + "span to continue that trace. Absent with tracing off and for events written "
                                + "before it was kept")
                        .examples(List.of("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
            }
        }
        Schema receipt = schemas.get("VersionReceipt");
        if (receipt != null) {
            receipt.examples(List.of(parse(RECEIPT_EXAMPLE)));
        }
    }

    private static Object parse(String example) {
        try {
            return JSON.readValue(example, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the feed schemas' example is not JSON", e);
        }
    }
}
