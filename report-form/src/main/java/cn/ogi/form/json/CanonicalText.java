package cn.ogi.form.json;

import cn.ogi.form.edition.CellDefinition;
import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.Narrative;
import cn.ogi.form.model.ReportCells;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A report's canonical JSON written straight to its text, member by member in the edition's cell order — the text
 * {@link ReportJson#write} gives as a tree and the mapper serialises, without the tree (on the write path every
 * accepted report is written so once or twice, and the tree was most of that work). It takes the edition's order
 * as it is: an object opened for a cell's section or row stays open while the next cells are in it and is never
 * opened again, which is the tree's order only where every object's cells stand together in the definition — an
 * edition whose cells do not ({@link #of} returns null for it) is written through the tree.
 */
final class CanonicalText {

    /** The edition's cells in the definition's order; for each, the object names above its member, and its name. */
    private final List<CellDefinition> cells;

    private final String[][] parents;
    private final String[] names;

    private CanonicalText(List<CellDefinition> cells) {
        this.cells = cells;
        this.parents = new String[cells.size()][];
        this.names = new String[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            String[] path = cells.get(i).key().split("\\.", -1);
            parents[i] = java.util.Arrays.copyOf(path, path.length - 1);
            names[i] = path[path.length - 1];
        }
    }

    /** The writer of an edition's reports, or null when its cells do not stand together by object (see above). */
    static CanonicalText of(EditionDefinition edition) {
        CanonicalText text = new CanonicalText(edition.cells());
        return text.objectsStandTogether() ? text : null;
    }

    /** Whether no object's cells are interrupted by another's: once left, an object path never comes back. */
    private boolean objectsStandTogether() {
        Map<String, Integer> lastSeen = new HashMap<>();
        for (int i = 0; i < parents.length; i++) {
            StringBuilder path = new StringBuilder();
            for (String part : parents[i]) {
                path.append(part).append('.');
                Integer last = lastSeen.put(path.toString(), i);
                if (last != null && last != i - 1) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The canonical text; the caller has checked that every cell of the report is defined in its edition. */
    String write(AnnualReport report, ObjectMapper mapper) {
        return texts(report, mapper).canonical();
    }

    /**
     * The canonical text and, from the same writing, the text of the report without its correction reason — the
     * member cut out where it was written: the generator writes a member's separating comma before its name, so the
     * text less {@code ,"correctionReason":"…"} is what writing the report without it gives, byte for byte.
     */
    ReportJson.CanonicalTexts texts(AnnualReport report, ObjectMapper mapper) {
        StringWriter out = new StringWriter(4096);
        int reasonFrom;
        int reasonTo;
        try (JsonGenerator g = mapper.createGenerator(out)) {
            g.writeStartObject();
            text(g, "agencyCode", report.agencyCode());
            text(g, "agencyName", report.agencyName());
            if (report.year() != null) {
                g.writeNumberField("year", report.year());
            }
            g.writeStringField("edition", report.edition());
            g.flush();
            reasonFrom = out.getBuffer().length();
            text(g, "correctionReason", report.correctionReason());
            g.flush();
            reasonTo = out.getBuffer().length();
            if (report.publishedOn() != null) {
                g.writeStringField("publishedOn", report.publishedOn().toString());
            }
            cells(g, report.cells());
            Narrative narrative = report.narrative();
            if (narrative != null) {
                g.writeObjectFieldStart("narrative");
                text(g, "overview", narrative.overview());
                text(g, "problems", narrative.problems());
                text(g, "other", narrative.other());
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a report's canonical JSON", e);
        }
        String canonical = out.toString();
        return new ReportJson.CanonicalTexts(
                canonical,
                reasonFrom == reasonTo
                        ? canonical
                        : canonical.substring(0, reasonFrom) + canonical.substring(reasonTo));
    }

    /** The present cells in definition order, each object opened where its first present cell is. */
    private void cells(JsonGenerator g, ReportCells values) throws IOException {
        String[] open = new String[0];
        int depth = 0;
        for (int i = 0; i < names.length; i++) {
            String key = cells.get(i).key();
            if (!values.has(key)) {
                continue;
            }
            String[] parent = parents[i];
            int common = 0;
            while (common < depth && common < parent.length && open[common].equals(parent[common])) {
                common++;
            }
            for (; depth > common; depth--) {
                g.writeEndObject();
            }
            for (; depth < parent.length; depth++) {
                g.writeObjectFieldStart(parent[depth]);
            }
            open = parent;
            number(g, names[i], values.value(key).orElse(null));
        }
        for (; depth > 0; depth--) {
            g.writeEndObject();
        }
    }

    /** As the tree writes a number: blank as null, an integer without a decimal point, a decimal plain. */
    private static void number(JsonGenerator g, String name, BigDecimal value) throws IOException {
        BigDecimal v = ReportCells.normalise(value);
        g.writeFieldName(name);
        if (v == null) {
            g.writeNull();
        } else if (v.scale() == 0 && v.precision() < 19) {
            g.writeNumber(v.longValue()); // the same digits as the BigInteger's, without making one
        } else if (v.scale() == 0) {
            g.writeNumber(v.toBigInteger());
        } else {
            g.writeNumber(v);
        }
    }

    private static void text(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }
}
