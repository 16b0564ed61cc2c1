package cn.ogi.stats.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.junit.jupiter.api.Test;

/** The rows of StatsResult are documented as objects of any fields, whatever else the document holds. */
class RowSchemasTest {

    private final RowSchemas filter = new RowSchemas();

    @Test
    void theRowsItemsAdmitAnyField() {
        Schema items = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
        Schema rows = OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(items);
        OpenAPI openAPI = document(OASFactory.createSchema().properties(Map.of("rows", rows)));

        filter.filterOpenAPI(openAPI);

        assertEquals(
                OASFactory.createSchema().toString(),
                items.getAdditionalPropertiesSchema().toString());
    }

    @Test
    void aDocumentWithoutTheSchemaIsLeftAlone() {
        filter.filterOpenAPI(OASFactory.createOpenAPI());
        filter.filterOpenAPI(OASFactory.createOpenAPI().components(OASFactory.createComponents()));
        filter.filterOpenAPI(document(null));
        filter.filterOpenAPI(document(OASFactory.createSchema()));
        Schema rows = OASFactory.createSchema().addType(Schema.SchemaType.ARRAY);
        filter.filterOpenAPI(document(OASFactory.createSchema().properties(Map.of("rows", rows))));
        filter.filterOpenAPI(document(OASFactory.createSchema().properties(Map.of("total", rows))));

        assertNull(rows.getItems());
    }

    private static OpenAPI document(Schema statsResult) {
        var components = OASFactory.createComponents();
        if (statsResult != null) {
            components.addSchema("StatsResult", statsResult);
        } else {
            components.addSchema("Other", OASFactory.createSchema());
        }
        return OASFactory.createOpenAPI().components(components);
    }
}
