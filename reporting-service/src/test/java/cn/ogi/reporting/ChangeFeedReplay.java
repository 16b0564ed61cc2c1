package cn.ogi.reporting;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Reads the whole change feed through the API, page by page, as a consumer would. */
final class ChangeFeedReplay {

    record Event(long seq, String type, String key, JsonNode payload) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChangeFeedReplay() {}

    static List<Event> readAll() {
        List<Event> events = new ArrayList<>();
        long after = 0;
        while (true) {
            String body = given().queryParam("after", after)
                    .queryParam("limit", 97)
                    .get("/api/v1/changes")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            JsonNode page = read(body);
            for (JsonNode e : page.get("events")) {
                events.add(new Event(
                        e.get("seq").asLong(),
                        e.get("type").asText(),
                        e.get("key").asText(),
                        e.get("payload")));
            }
            if (page.get("events").isEmpty()) {
                return events;
            }
            after = page.get("lastSeq").asLong();
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
