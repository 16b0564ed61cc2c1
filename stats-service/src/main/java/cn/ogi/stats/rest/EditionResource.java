package cn.ogi.stats.rest;

import cn.ogi.form.edition.ColumnDefinition;
import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.form.edition.Editions;
import cn.ogi.form.edition.RowDefinition;
import cn.ogi.form.edition.RuleDefinition;
import cn.ogi.form.edition.SectionDefinition;
import cn.ogi.web.Problem;
import cn.ogi.web.ProblemException;
import cn.ogi.web.auth.Roles;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The form as data, for clients that lay out a report (the console): the editions of report-form — sections, rows,
 * columns, Chinese labels, cell types, rules. The same for every caller; nothing here depends on the read model.
 */
@Path("/api/v1/editions")
@Tag(name = "form")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.SUPERVISOR, Roles.ADMIN, Roles.SUBMITTER, Roles.SERVICE})
public class EditionResource {

    private static final List<Edition> EDITIONS = List.copyOf(
            Editions.standard().all().stream().map(EditionResource::edition).toList());

    /** An edition of the form, as its definition file states it (includes resolved). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Edition(
            String id, String label, Integer fromYear, Integer toYear, List<Section> sections, List<Rule> rules) {
        public Edition {
            sections = List.copyOf(sections);
            rules = List.copyOf(rules);
        }
    }

    public record Section(String key, String label, List<Row> rows) {
        public Section {
            rows = List.copyOf(rows);
        }
    }

    /** A row: its columns, or none for a leaf row, which is itself one cell of {@code type}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String key, String label, String columnSet, List<Cell> columns, String type, boolean required) {
        public Row {
            columns = columns == null ? null : List.copyOf(columns);
        }
    }

    public record Cell(String key, String label, String type) {}

    public record Rule(String code, String severity, String message) {}

    @GET
    @Operation(
            summary = "Every edition of the form (2019, 2021, legacy): sections, rows, columns, labels, cell types, "
                    + "rules — the definitions of report-form",
            description = "The form as data, the same for every caller: what a client needs to lay out or check a "
                    + "report. The canonical report's schema in this document (AnnualReport) is made from the same "
                    + "definitions.")
    @APIResponse(
            responseCode = "200",
            description = "Every edition, oldest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = Edition.class),
                            examples = @ExampleObject(name = "editions", ref = "editions")))
    public List<Edition> editions() {
        return EDITIONS;
    }

    @GET
    @Path("{id}")
    @Operation(
            summary = "One edition of the form by its id (2019, 2021, legacy)",
            description = "Its sections, rows, columns with Chinese labels and cell types, and its rules.")
    @APIResponse(
            responseCode = "200",
            description = "The edition",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Edition.class),
                            examples = @ExampleObject(name = "2021", ref = "edition")))
    @APIResponse(
            responseCode = "404",
            description = "No edition with this id",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "not-found", ref = "editionNotFound")))
    public Edition edition(
            @Parameter(description = "The edition's id: 2019, 2021 or legacy", example = "2021") @PathParam("id")
                    String id) {
        return EDITIONS.stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound(
                        "edition-not-found",
                        "No edition '" + id + "'; editions are "
                                + EDITIONS.stream().map(Edition::id).toList()));
    }

    private static Edition edition(EditionDefinition e) {
        return new Edition(
                e.id(),
                e.label(),
                e.fromYear().orElse(null),
                e.toYear().orElse(null),
                e.sections().stream().map(EditionResource::section).toList(),
                e.rules().stream().map(EditionResource::rule).toList());
    }

    private static Section section(SectionDefinition s) {
        return new Section(
                s.key(), s.label(), s.rows().stream().map(EditionResource::row).toList());
    }

    private static Row row(RowDefinition r) {
        return new Row(
                r.key(),
                r.label(),
                r.columnSet(),
                r.isLeaf()
                        ? null
                        : r.columns().stream().map(EditionResource::cell).toList(),
                r.isLeaf() ? r.leafType().jsonName() : null,
                r.required());
    }

    private static Cell cell(ColumnDefinition c) {
        return new Cell(c.key(), c.label(), c.type().jsonName());
    }

    private static Rule rule(RuleDefinition r) {
        return new Rule(r.code(), r.severity().json(), r.message());
    }
}
