package cn.ogi.web.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;

/**
 * A request body that takes JSON besides other media types (POST /api/v1/submissions takes the canonical JSON
 * report or a published text) lists {@code application/json} first: generated clients (openapi-generator's Java and
 * TypeScript outputs) model a body by its first media type only, and the canonical report is the form a municipal
 * system's client is built for; the published texts stay documented after it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class JsonBodyFirst implements OASFilter {

    static final String JSON = "application/json";

    @Override
    public RequestBody filterRequestBody(RequestBody body) {
        Content content = body.getContent();
        if (content == null || content.getMediaTypes() == null) {
            return body;
        }
        Map<String, MediaType> types = content.getMediaTypes();
        if (!types.containsKey(JSON) || types.keySet().iterator().next().equals(JSON)) {
            return body;
        }
        Map<String, MediaType> ordered = new LinkedHashMap<>();
        ordered.put(JSON, types.get(JSON));
        types.forEach(ordered::putIfAbsent);
        Content reordered = OASFactory.createContent();
        ordered.forEach(reordered::addMediaType);
        return body.content(reordered);
    }
}
