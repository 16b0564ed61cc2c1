package cn.ogi.form.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingsJsonTest {

    private static final List<Finding> FINDINGS = List.of(
            new Finding("APP-BALANCE", Severity.ERROR, List.of("applications.granted.total"), "does not balance"),
            new Finding("CARRY-CHAIN", Severity.WARNING, List.of("a", "b"), "differs from last year"));

    @Test
    void encodesFindingsAsTheStoredArrayWithLowercaseSeverities() {
        assertEquals(
                "[{\"rule\":\"APP-BALANCE\",\"severity\":\"error\",\"cells\":[\"applications.granted.total\"],"
                        + "\"message\":\"does not balance\"},{\"rule\":\"CARRY-CHAIN\",\"severity\":\"warning\","
                        + "\"cells\":[\"a\",\"b\"],\"message\":\"differs from last year\"}]",
                FindingsJson.encode(FINDINGS));
    }

    @Test
    void readsBackWhatItWrote() {
        assertEquals(FINDINGS, FindingsJson.decode(FindingsJson.encode(FINDINGS)));
    }

    @Test
    void noFindingsIsAnEmptyArrayAndNothingStoredIsNone() {
        assertEquals("[]", FindingsJson.encode(null));
        assertEquals("[]", FindingsJson.encode(List.of()));
        assertEquals(List.of(), FindingsJson.decode((String) null));
    }

    @Test
    void readsTheFindingsOfAProblemIgnoringMembersItDoesNotKnow() throws Exception {
        var problem = new ObjectMapper()
                .readTree("{\"findings\": [{\"rule\": \"R\", \"severity\": \"ERROR\", \"cells\": [\"x\"],"
                        + " \"message\": \"m\", \"since\": 2024}]}");
        assertEquals(
                List.of(new Finding("R", Severity.ERROR, List.of("x"), "m")),
                FindingsJson.decode(problem.get("findings")));
        assertEquals(List.of(), FindingsJson.decode(problem.get("absent")));
    }

    @Test
    void refusesWhatIsNotAnArrayOfFindings() throws Exception {
        assertThrows(UncheckedIOException.class, () -> FindingsJson.decode("{\"rule\": 1}"));
        var notFindings = new ObjectMapper().readTree("[{\"severity\": \"fatal\"}]");
        assertThrows(IllegalArgumentException.class, () -> FindingsJson.decode(notFindings));
    }
}
