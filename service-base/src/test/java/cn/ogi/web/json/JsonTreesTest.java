package cn.ogi.web.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.ogi.web.ProblemException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonTreesTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void namesTheFieldThatHoldsAControlCharacter() throws Exception {
        var tree = mapper.readTree(
                "{\"narrative\": {\"overview\": \"ok\", \"other\": \"x\\u0000\"}, \"a\": [\"\\u0007\"]}");

        ProblemException e = assertThrows(ProblemException.class, () -> JsonTrees.requireClean(tree, 100));

        assertEquals(400, e.status());
        assertEquals("narrative.other", e.toProblem("/").errors().get(0).field());
    }

    @Test
    void refusesKeysWithControlCharactersAndTooManyMembers() throws Exception {
        assertThrows(ProblemException.class, () -> JsonTrees.requireClean(mapper.readTree("{\"a\\u0000\": 1}"), 100));
        assertThrows(ProblemException.class, () -> JsonTrees.requireClean(mapper.readTree("{\"a\": 1, \"b\": 2}"), 1));
        JsonTrees.requireClean(mapper.readTree("{\"a\": \"tab\\tand\\nline breaks\"}"), 100);
    }
}
