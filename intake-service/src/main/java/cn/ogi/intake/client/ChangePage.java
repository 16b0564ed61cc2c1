package cn.ogi.intake.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A page of reporting-service's change feed. */
public record ChangePage(long after, List<Event> events, long lastSeq, long latestSeq) {

    public record Event(long seq, String type, String key, JsonNode payload) {}
}
