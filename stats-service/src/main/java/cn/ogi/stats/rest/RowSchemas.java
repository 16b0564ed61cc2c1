package cn.ogi.stats.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The rows of a {@code StatsResult} ({@code StatsRow}: key, name, then one field per metric) are documented as what
 * they are on the wire, an object of any fields: the metrics depend on the query and the edition definitions.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class RowSchemas implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Schema result = openAPI.getComponents().getSchemas().get("StatsResult");
        Schema rows = result == null || result.getProperties() == null
                ? null
                : result.getProperties().get("rows");
        if (rows != null && rows.getItems() != null) {
            rows.getItems().additionalPropertiesSchema(OASFactory.createSchema());
        }
    }
}
