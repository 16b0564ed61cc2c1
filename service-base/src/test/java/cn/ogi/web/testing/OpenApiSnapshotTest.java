package cn.ogi.web.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiSnapshotTest {

    static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void membersInAnotherOrderAreTheSameDocument() throws Exception {
        assertEquals(
                List.of(),
                OpenApiSnapshot.differences("", json("{\"a\":1,\"b\":[1,2]}"), json("{\"b\":[1,2],\"a\":1}")));
    }

    @Test
    void everyDifferenceIsNamedByItsPointer() throws Exception {
        assertEquals(
                List.of(
                        "/paths/~1api~1v1~1x/get/summary: \"old\" in the snapshot, \"new\" live",
                        "/paths/~1api~1v1~1x/post: only live",
                        "/tags/0/name: \"a\" in the snapshot, \"b\" live",
                        "/tags/1: only in the snapshot"),
                OpenApiSnapshot.differences(
                        "",
                        json(
                                "{\"paths\":{\"/api/v1/x\":{\"get\":{\"summary\":\"old\"}}},\"tags\":[{\"name\":\"a\"},1]}"),
                        json("{\"paths\":{\"/api/v1/x\":{\"get\":{\"summary\":\"new\"},\"post\":{}}},"
                                + "\"tags\":[{\"name\":\"b\"}]}")));
    }
}
