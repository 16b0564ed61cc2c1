package cn.ogi.web.openapi;

import cn.ogi.form.edition.CellBounds;
import cn.ogi.form.edition.CellDefinition;
import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.form.edition.Editions;
import cn.ogi.form.edition.RowDefinition;
import cn.ogi.form.edition.SectionDefinition;
import cn.ogi.form.json.ReportJson;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The canonical report (REPORT-FORMAT.md) as a schema made from the edition definitions of report-form, as the
 * form itself is: {@code AnnualReport} is one of {@code AnnualReport2019}, {@code AnnualReport2021},
 * {@code AnnualReportLegacy} by {@code edition}; each names every section, row and cell of its edition with the
 * Chinese label, the cell's type and its bounds. A new edition file gives a new schema without code.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ReportSchemas implements OASFilter {

    /** The schema every operation that takes or answers a report references. */
    public static final String REPORT = "AnnualReport";

    private static final Pattern DOT = Pattern.compile("\\.");
    /** A row group's label is the row's up to its numbered item: "(三) 不予公开 1. 属于国家秘密" → "(三) 不予公开". */
    private static final Pattern NUMBERED_ITEM = Pattern.compile(" \\d\\. ");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        schemas(Editions.standard()).forEach(openAPI.getComponents()::addSchema);
    }

    /** The schemas of the editions and the one that chooses among them, by name. */
    static Map<String, Schema> schemas(Editions editions) {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        Schema any = OASFactory.createSchema()
                .description("An agency's annual report in the canonical JSON form (REPORT-FORMAT.md), in the edition "
                        + "its 'edition' names: " + String.join(", ", editions.ids()) + ". A pushed report must state "
                        + "every required cell as a number and may hold no other key; a report read from its published "
                        + "text (imports, POST /api/v1/parse) keeps blank cells as null and leaves out what was not "
                        + "printed.");
        var discriminator = OASFactory.createDiscriminator().propertyName("edition");
        for (EditionDefinition edition : editions.all()) {
            String name = schemaName(edition);
            schemas.put(name, edition(edition));
            any.addOneOf(ProblemSchemas.ref(name));
            discriminator.addMapping(edition.id(), "#/components/schemas/" + name);
        }
        schemas.put(REPORT, any.discriminator(discriminator));
        return schemas;
    }

    static String schemaName(EditionDefinition edition) {
        String id = edition.id();
        return REPORT + (Character.isDigit(id.charAt(0)) ? id : Character.toUpperCase(id.charAt(0)) + id.substring(1));
    }

    private static Schema edition(EditionDefinition edition) {
        Schema root = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description(edition.label() + " — edition " + edition.id() + yearsOf(edition))
                .addProperty(
                        "agencyCode",
                        ProblemSchemas.text("The agency's 统一社会信用代码 (GB 32100-2015): 18 characters, the last a "
                                        + "check character that must verify; government agencies start with 11")
                                .pattern("^[0-9A-HJ-NPQRTUWXY]{18}$")
                                .examples(List.of("11371500MB28532216")))
                .addProperty(
                        "agencyName",
                        ProblemSchemas.text("The agency's name as printed (informative: the code identifies it)")
                                .maxLength(ReportJson.MAX_AGENCY_NAME)
                                .examples(List.of("聊城市市场监督管理局")))
                .addProperty(
                        "year",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .format("int32")
                                .minimum(java.math.BigDecimal.valueOf(
                                        edition.fromYear().orElse(ReportJson.FIRST_YEAR)))
                                .description(
                                        "The reporting year (1 January to 31 December), not after the current " + "year"
                                                + edition.toYear()
                                                        .map(y -> "; this edition up to " + y)
                                                        .orElse(""))
                                .examples(List.of(edition.toYear().orElse(2023))))
                .addProperty(
                        "edition",
                        ProblemSchemas.text("The edition of the form: " + edition.id())
                                .enumeration(List.of(edition.id())))
                .addProperty(
                        "correctionReason",
                        ProblemSchemas.text("Required when the agency already has a version for the year (the "
                                        + "submission is a correction); otherwise absent")
                                .maxLength(ReportJson.MAX_CORRECTION_REASON))
                .addProperty(
                        "publishedOn",
                        ProblemSchemas.text("The date printed at the end of the report")
                                .format("date"));
        List<String> required = new ArrayList<>(List.of("agencyCode", "year", "edition"));
        for (SectionDefinition section : edition.sections()) {
            Schema schema = section(edition, section);
            root.addProperty(section.key(), schema);
            if (schema.getRequired() != null && !schema.getRequired().isEmpty()) {
                required.add(section.key());
            }
        }
        root.addProperty("narrative", narrative());
        return root.required(required);
    }

    private static String yearsOf(EditionDefinition edition) {
        if (edition.fromYear().isPresent() && edition.toYear().isPresent()) {
            return " (reports of " + edition.fromYear().get() + " to "
                    + edition.toYear().get() + ")";
        }
        return edition.fromYear()
                .map(y -> " (reports of " + y + " and after)")
                .orElse(edition.toYear().map(y -> " (reports up to " + y + ")").orElse(""));
    }

    /** A section: its rows, a dotted row key nesting ({@code withheld.stateSecret} under {@code withheld}). */
    private static Schema section(EditionDefinition edition, SectionDefinition section) {
        Schema schema = object(section.label());
        for (RowDefinition row : section.rows()) {
            String[] path = DOT.split(row.key(), -1);
            Schema parent = schema;
            for (int i = 0; i < path.length - 1; i++) {
                Schema group = parent.getProperties() == null
                        ? null
                        : parent.getProperties().get(path[i]);
                if (group == null) {
                    group = object(NUMBERED_ITEM.split(row.label(), 2)[0]);
                    parent.addProperty(path[i], group);
                }
                if (row.required()) {
                    requireOnce(parent, path[i]);
                }
                parent = group;
            }
            String key = path[path.length - 1];
            String rowPath = section.key() + "." + row.key();
            Schema rowSchema = row.isLeaf() ? cell(edition.cell(rowPath).orElseThrow()) : object(row.label());
            if (!row.isLeaf()) {
                for (var column : row.columns()) {
                    CellDefinition cell =
                            edition.cell(rowPath + "." + column.key()).orElseThrow();
                    rowSchema.addProperty(column.key(), cell(cell));
                    if (cell.required()) {
                        requireOnce(rowSchema, column.key());
                    }
                }
            }
            parent.addProperty(key, rowSchema);
            if (row.required()) {
                requireOnce(parent, key);
            }
        }
        return schema;
    }

    /** One number of the form: its label, integer or decimal, its bounds; null when printed blank. */
    static Schema cell(CellDefinition cell) {
        CellBounds bounds = cell.bounds();
        Schema schema = OASFactory.createSchema()
                .type(List.of(
                        cell.type().integral() ? Schema.SchemaType.INTEGER : Schema.SchemaType.NUMBER,
                        Schema.SchemaType.NULL))
                .minimum(bounds.min())
                .maximum(bounds.max())
                .description(cell.label() + " (" + cell.key()
                        + (cell.type().integral() ? "" : "; at most " + bounds.scale() + " decimal places") + ")");
        if (cell.type().integral()) {
            schema.format("int64");
        }
        return schema;
    }

    private static Schema narrative() {
        Schema schema = object("The report's text: 总体情况, 存在的主要问题及改进情况, 其他需要报告的事项");
        Map<String, String> parts = Map.of(
                "overview", "总体情况 (overview)",
                "problems", "存在的主要问题及改进情况 (problems and improvements)",
                "other", "其他需要报告的事项 (other matters)");
        for (String part : List.of("overview", "problems", "other")) {
            schema.addProperty(part, ProblemSchemas.text(parts.get(part)).maxLength(ReportJson.MAX_NARRATIVE_PART));
        }
        return schema;
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description(description);
    }

    private static void requireOnce(Schema schema, String property) {
        if (schema.getRequired() == null || !schema.getRequired().contains(property)) {
            schema.addRequired(property);
        }
    }
}
