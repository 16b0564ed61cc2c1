package cn.ogi.form.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DefinitionCheckTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"2019.json", "2021.json", "legacy.json"})
    void everyRuleReferenceOfTheShippedDefinitionsResolves(String file) {
        EditionDefinition edition = EditionLoader.parse(resource(file), DefinitionCheckTest::resource);

        assertEquals(List.of(), DefinitionCheck.problems(edition));
        assertFalse(edition.rules().isEmpty());
    }

    @Test
    void aTypoInARuleReferenceIsReported() {
        ObjectNode definition = (ObjectNode) resource("2021.json");
        ObjectNode rule = ((ArrayNode) definition.get("rules")).addObject();
        rule.put("code", "TYPO")
                .put("severity", "error")
                .put("left", "applications.newRecieved.total")
                .put("op", "=")
                .put("right", "applications.totalProcessed.total")
                .put("message", "m");

        List<String> problems =
                DefinitionCheck.problems(EditionLoader.parse(definition, DefinitionCheckTest::resource));

        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("applications.newRecieved.total"), problems.get(0));
    }

    @Test
    void aWildcardMatchingNothingIsReported() {
        ObjectNode definition = (ObjectNode) resource("2019.json");
        ObjectNode rule = ((ArrayNode) definition.get("rules")).addObject();
        rule.put("code", "TYPO")
                .put("severity", "warning")
                .put("left", "applications.witheld.*.total")
                .put("op", ">=")
                .put("right", "0")
                .put("message", "m");

        assertEquals(
                1,
                DefinitionCheck.problems(EditionLoader.parse(definition, DefinitionCheckTest::resource))
                        .size());
    }

    private static JsonNode resource(String name) {
        try (InputStream in = DefinitionCheckTest.class.getResourceAsStream("/editions/" + name)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
