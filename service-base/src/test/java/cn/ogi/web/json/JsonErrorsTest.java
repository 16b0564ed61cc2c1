package cn.ogi.web.json;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.web.testing.ConfigMappings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonErrorsTest {

    private static final Pattern INTERNALS =
            Pattern.compile("StreamReadFeature|StreamReadConstraints|java\\.|com\\.fasterxml|cn\\.ogi|Source:");

    record Agency(String name, Integer reportsFrom) {}

    private final ObjectMapper mapper = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper();
        m.getFactory()
                .setStreamReadConstraints(JsonConfiguration.constraints(ConfigMappings.read(
                        JsonLimits.class,
                        Map.of(
                                "ogi.json.max-nesting-depth", "32",
                                "ogi.json.max-string-length", "1000",
                                "ogi.json.max-name-length", "50",
                                "ogi.json.max-number-length", "20",
                                "ogi.json.max-token-count", "10000",
                                "ogi.json.max-object-members", "100"))));
        m.registerModule(new SimpleModule().addDeserializer(String.class, new PlainStrings()));
        return m;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"name\": ",
                "{\"name\" \"x\"}",
                "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
                "{\"nameeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee\": 1}",
                "{\"reportsFrom\": 123456789012345678901234567890}",
                "{\"reportsFrom\": \"soon\"}",
                "{\"name\": \"a\\u0000b\"}",
                "{\"name\": [1]}",
                "\u0000"
            })
    void describesEveryFailureWithoutLibraryInternals(String body) {
        String message = describe(body);
        assertFalse(INTERNALS.matcher(message).find(), message);
        assertTrue(message.length() < 400, message);
    }

    @Test
    void namesTheFieldOfABindingFailure() {
        String type = describe("{\"reportsFrom\": \"soon\"}");
        assertTrue(type.contains("(field reportsFrom)"), type);
        String control = describe("{\"name\": \"a\\u0000b\"}");
        assertTrue(control.contains("U+0000") && control.contains("(field name)"), control);
        String depth;
        try {
            mapper.readTree("[".repeat(40) + "]".repeat(40));
            throw new AssertionError("read 40 levels");
        } catch (JsonProcessingException e) {
            depth = JsonErrors.describe(e);
        }
        assertTrue(depth.contains("ogi.json.max-nesting-depth"), depth);
    }

    private String describe(String body) {
        try {
            mapper.readValue(body, Agency.class);
            throw new AssertionError("read " + body);
        } catch (JsonProcessingException e) {
            return JsonErrors.describe(e);
        }
    }
}
