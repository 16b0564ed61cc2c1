package cn.ogi.web.json;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Bounds on every JSON document a service reads (request bodies, NDJSON lines, REST-client answers), set on
 * Jackson's {@code StreamReadConstraints} by {@link JsonConfiguration} ({@code ogi.json.*}). A document beyond one is
 * refused with a 400 that names the limit. The defaults are far above any real report (a canonical report nests 5
 * deep, has about 2,000 tokens and keys of at most 40 characters) and far below what would hurt the service.
 *
 * <p>Static-init safe: Hibernate ORM builds the object mapper (and so {@link JsonConfiguration} reads these) while
 * the application is still being initialised, before runtime-only mappings exist.
 */
@StaticInitSafe
@ConfigMapping(prefix = "ogi.json")
public interface JsonLimits {

    /** Objects and arrays inside one another. */
    @WithDefault("32")
    int maxNestingDepth();

    /** Characters of one string value. */
    @WithDefault("1048576")
    int maxStringLength();

    /** Characters of one object key. */
    @WithDefault("256")
    int maxNameLength();

    /** Characters of one number literal. */
    @WithDefault("100")
    int maxNumberLength();

    /**
     * Keys, values and brackets of one document: the same mapper reads the services' answers to each other, and a
     * change-feed page of 1,000 report versions has about 2.5 million; request bodies are bounded by size first.
     */
    @WithDefault("10000000")
    long maxTokenCount();

    /** Members of one object, for trees read whole. */
    @WithDefault("2000")
    int maxObjectMembers();
}
