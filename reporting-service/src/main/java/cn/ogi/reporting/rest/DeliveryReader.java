package cn.ogi.reporting.rest;

import cn.ogi.reporting.report.OriginalSettings;
import cn.ogi.web.json.JsonConfiguration;
import cn.ogi.web.json.JsonLimits;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.smallrye.config.SmallRyeConfig;
import java.lang.reflect.Type;
import java.util.function.BiFunction;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads a delivery (POST …/versions) as every body is read, except that one string may be as long as the base64 of
 * the largest published original ({@code reporting.original.max-bytes}): the service-wide bound
 * ({@code ogi.json.max-string-length}, 1 MiB) stays for every other endpoint. Quarkus builds the reader once per
 * resource method.
 */
public class DeliveryReader implements BiFunction<ObjectMapper, Type, ObjectReader> {

    @Override
    public ObjectReader apply(ObjectMapper mapper, Type type) {
        // built by Quarkus, not a bean: the mappings are looked up (their defaults stay in OriginalSettings,
        // JsonLimits)
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        long maxOriginalBytes = config.getConfigMapping(OriginalSettings.class).maxBytes();
        JsonLimits limits = config.getConfigMapping(JsonLimits.class);
        StreamReadConstraints constraints = JsonConfiguration.constraints(limits)
                .rebuild()
                .maxStringLength(maxStringLength(limits.maxStringLength(), maxOriginalBytes))
                .build();
        JsonFactory factory = mapper.getFactory().copy();
        factory.setStreamReadConstraints(constraints);
        return mapper.readerFor(mapper.constructType(type)).with(factory);
    }

    /** Four base64 characters per three bytes, a little over for the padding; never below the service-wide bound. */
    static int maxStringLength(int serviceWide, long maxOriginalBytes) {
        long base64 = (maxOriginalBytes + 2) / 3 * 4 + 4;
        return (int) Math.min(Integer.MAX_VALUE, Math.max(serviceWide, base64));
    }
}
