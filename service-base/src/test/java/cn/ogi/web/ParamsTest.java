package cn.ogi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParamsTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "2023.0", "1e3", "99999999999", "２０２３"})
    void aMalformedYearIsA400NamingTheParameter(String value) {
        ProblemException e = assertThrows(ProblemException.class, () -> Params.year("year", value));
        assertEquals(400, e.status());
        assertEquals("year", e.toProblem("/").errors().get(0).field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1999", "2101", "-1"})
    void aYearOutOfRangeIsA400(String value) {
        assertThrows(ProblemException.class, () -> Params.year("year", value));
    }

    @org.junit.jupiter.api.Test
    void absentIsNullAndGoodValuesParse() {
        assertNull(Params.integer("page", null));
        assertEquals(2023, Params.year("year", " 2023 "));
        assertEquals(java.util.Optional.of(true), Params.bool("live", "TRUE"));
        assertThrows(ProblemException.class, () -> Params.bool("live", "maybe"));
        assertThrows(ProblemException.class, () -> Paging.of("x", null));
    }
}
