package cn.ogi.stats.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What the early revalidation reads itself, and what it leaves to the resource. */
class EarlyRevalidationParsingTest {

    @Test
    void aPlainQueryIsReadAsTheResourceSortsIt() {
        var parameters = EarlyRevalidation.plainParameters("year=2023&jurisdiction=370000&groupBy=child", 2000);
        assertEquals(
                new TreeMap<>(Map.of(
                        "groupBy", List.of("child"), "jurisdiction", List.of("370000"), "year", List.of("2023"))),
                parameters);
        assertEquals(
                "/api/v1/stats/applications?{groupBy=[child], jurisdiction=[370000], year=[2023]}|application/json",
                Representations.question("/api/v1/stats/applications", parameters, MediaType.APPLICATION_JSON_TYPE));
        assertEquals(Map.of(), EarlyRevalidation.plainParameters(null, 2000));
    }

    @Test
    void anythingToDecodeRepeatedOrEmptyIsLeftToTheResource() {
        for (String query : List.of(
                "",
                "year=2023&",
                "&year=2023",
                "year",
                "year=",
                "=2023",
                "year=2023&year=2024",
                "groupBy=%63hild",
                "groupBy=a+b",
                "year=20=23",
                "rule=APP BALANCE",
                "year=2023\u0000")) {
            assertNull(EarlyRevalidation.plainParameters(query, 2000), query);
        }
        assertNull(EarlyRevalidation.plainParameters("year=2023", 8), "longer than the bound");
    }

    @Test
    void ifNoneMatchNamesTheTagStrongOrWeakButNotAsAWildcard() {
        assertTrue(EarlyRevalidation.names("\"1.0.370000-ab\"", "1.0.370000-ab"));
        assertTrue(EarlyRevalidation.names("\"x\", W/\"1.0.370000-ab\"", "1.0.370000-ab"));
        assertFalse(EarlyRevalidation.names("*", "1.0.370000-ab"));
        assertFalse(EarlyRevalidation.names("\"1.0.370000-a\"", "1.0.370000-ab"));
        assertFalse(EarlyRevalidation.names("1.0.370000-ab", "1.0.370000-ab"));
        assertFalse(EarlyRevalidation.names("\"2.0.370000-ab\"", "1.0.370000-ab"));
    }
}
