package cn.ogi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.web.auth.TokenCacheSettings;
import cn.ogi.web.auth.TokenLimits;
import cn.ogi.web.http.HttpSettings;
import cn.ogi.web.json.JsonLimits;
import cn.ogi.web.testing.ConfigTable;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The README's table of input limits says, key by key, the defaults service-base's mappings have. */
class ConfigTableTest {

    @Test
    void theReadmeGivesEveryListedSharedKeyTheDefaultInCode() {
        Map<String, String> inCode =
                ConfigTable.defaults(JsonLimits.class, HttpSettings.class, TokenLimits.class, TokenCacheSettings.class);
        Map<String, String> documented = new TreeMap<>();
        // the table writes numbers with thousands separators (1,048,576)
        ConfigTable.documented(Path.of("../README.md"), "ogi.")
                .forEach((key, value) -> documented.put(key, value.replace(",", "")));
        Map<String, String> expected = new TreeMap<>();
        documented.keySet().forEach(key -> expected.put(key, inCode.get(key)));
        assertEquals(expected, documented);
        assertEquals(7, documented.size(), "the input limits table lists ogi.json.* and ogi.http.max-parameter-length");
    }
}
