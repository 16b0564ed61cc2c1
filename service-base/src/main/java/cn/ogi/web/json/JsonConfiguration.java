package cn.ogi.web.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The JSON settings of every service: Jackson's read constraints from {@link JsonLimits} (set explicitly rather
 * than relying on the library's defaults, which change between versions), exact decimals (a fee of 7730.28
 * stays 7730.28, 1e309 stays a number to refuse rather than becoming Infinity) and strings without control
 * characters wherever JSON is bound to a type.
 */
@Singleton
public class JsonConfiguration implements ObjectMapperCustomizer {

    @Inject
    JsonLimits limits;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(constraints(limits));
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.registerModule(new SimpleModule("ogi-strings").addDeserializer(String.class, new PlainStrings()));
    }

    public static StreamReadConstraints constraints(JsonLimits limits) {
        return StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxStringLength())
                .maxNameLength(limits.maxNameLength())
                .maxNumberLength(limits.maxNumberLength())
                .maxTokenCount(limits.maxTokenCount())
                .build();
    }
}
