package cn.ogi.reporting.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.web.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Coded query parameters: absent is null, a valid code is kept (trimmed), anything else a 400 naming the parameter. */
class CodesTest {

    @Test
    void anAbsentOrBlankCodeIsNoFilter() {
        assertNull(Codes.division("jurisdiction", null));
        assertNull(Codes.division("jurisdiction", "  "));
        assertNull(Codes.oneOf("kind", null, List.of("department")));
        assertNull(Codes.oneOf("kind", "", List.of("department")));
    }

    @Test
    void aValidCodeIsKeptWithoutItsSpaces() {
        assertEquals("371500", Codes.division("jurisdiction", " 371500 "));
        assertEquals("department", Codes.oneOf("kind", "department ", List.of("department", "government")));
    }

    @Test
    void aMalformedCodeIsRefusedNamingTheParameter() {
        ProblemException division = assertThrows(ProblemException.class, () -> Codes.division("jurisdiction", "37x"));
        assertEquals(400, division.status());
        assertTrue(division.getMessage().contains("jurisdiction"), division.getMessage());

        ProblemException kind =
                assertThrows(ProblemException.class, () -> Codes.oneOf("kind", "club", List.of("department")));
        assertEquals(400, kind.status());
        assertTrue(kind.getMessage().contains("kind") && kind.getMessage().contains("club"), kind.getMessage());
    }
}
