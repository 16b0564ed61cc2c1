package cn.ogi.web.json;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Bounds on every JSON document a service reads (request bodies, NDJSON lines, REST-client answers), set on
 * Jackson's {@code StreamReadConstraints} by {@link JsonConfiguration}. A document beyond one is refused with a
 * 400 that names the limit. The defaults are far above any real report (a canonical report nests 5 deep, has
 * about 2,000 tokens and keys of at most 40 characters) and far below what would hurt the service.
 *
 * <p>Read from the configuration keys {@code ogi.json.*} directly rather than through a config mapping: the
 * object mapper is built before config mappings can be injected.
 *
 * @param maxNestingDepth  {@code ogi.json.max-nesting-depth}: objects and arrays inside one another (32)
 * @param maxStringLength  {@code ogi.json.max-string-length}: characters of one string value (1,048,576)
 * @param maxNameLength    {@code ogi.json.max-name-length}: characters of one object key (256)
 * @param maxNumberLength  {@code ogi.json.max-number-length}: characters of one number literal (100)
 * @param maxTokenCount    {@code ogi.json.max-token-count}: keys, values and brackets of one document (10,000,000:
 *                         the same mapper reads the services' answers to each other, and a change-feed page of
 *                         1,000 report versions has about 2.5 million; request bodies are bounded by size first)
 * @param maxObjectMembers {@code ogi.json.max-object-members}: members of one object, for trees read whole (2,000)
 */
public record JsonLimits(
        int maxNestingDepth,
        int maxStringLength,
        int maxNameLength,
        int maxNumberLength,
        long maxTokenCount,
        int maxObjectMembers) {

    public static JsonLimits fromConfig() {
        Config config = ConfigProvider.getConfig();
        return new JsonLimits(
                config.getOptionalValue("ogi.json.max-nesting-depth", Integer.class)
                        .orElse(32),
                config.getOptionalValue("ogi.json.max-string-length", Integer.class)
                        .orElse(1_048_576),
                config.getOptionalValue("ogi.json.max-name-length", Integer.class)
                        .orElse(256),
                config.getOptionalValue("ogi.json.max-number-length", Integer.class)
                        .orElse(100),
                config.getOptionalValue("ogi.json.max-token-count", Long.class).orElse(10_000_000L),
                config.getOptionalValue("ogi.json.max-object-members", Integer.class)
                        .orElse(2_000));
    }
}
