package cn.ogi.web.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.form.edition.CellDefinition;
import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.form.edition.Editions;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.junit.jupiter.api.Test;

class ReportSchemasTest {

    private static final Pattern DOT = Pattern.compile("\\.");

    @Test
    void everyCellOfEveryEditionIsInItsSchemaWithItsLabelTypeAndBounds() {
        Map<String, Schema> schemas = ReportSchemas.schemas(Editions.standard());
        for (EditionDefinition edition : Editions.standard().all()) {
            Schema root = schemas.get(ReportSchemas.schemaName(edition));
            assertNotNull(root, edition.id());
            for (CellDefinition cell : edition.cells()) {
                Schema schema = root;
                for (String segment : DOT.split(cell.key(), -1)) {
                    assertNotNull(schema.getProperties(), cell.key());
                    schema = schema.getProperties().get(segment);
                    assertNotNull(schema, edition.id() + ": no schema for " + cell.key());
                }
                assertTrue(schema.getDescription().startsWith(cell.label()), cell.key());
                assertEquals(0, cell.bounds().min().compareTo(schema.getMinimum()), cell.key());
                assertEquals(0, cell.bounds().max().compareTo(schema.getMaximum()), cell.key());
                assertEquals(
                        List.of(
                                cell.type().integral() ? Schema.SchemaType.INTEGER : Schema.SchemaType.NUMBER,
                                Schema.SchemaType.NULL),
                        schema.getType(),
                        cell.key());
            }
        }
    }

    @Test
    void theReportIsOneOfTheEditionsChosenByItsEdition() {
        Map<String, Schema> schemas = ReportSchemas.schemas(Editions.standard());
        Schema report = schemas.get(ReportSchemas.REPORT);
        assertEquals(Editions.standard().all().size(), report.getOneOf().size());
        assertEquals("edition", report.getDiscriminator().getPropertyName());
        assertEquals(
                "#/components/schemas/AnnualReport2021",
                report.getDiscriminator().getMapping().get("2021"));
        Schema edition2021 = schemas.get("AnnualReport2021");
        assertEquals(List.of("2021"), edition2021.getProperties().get("edition").getEnumeration());
        assertTrue(edition2021.getRequired().containsAll(List.of("agencyCode", "year", "edition", "applications")));
    }
}
