package cn.ogi.form.json;

import cn.ogi.form.edition.CellBounds;
import cn.ogi.form.edition.CellDefinition;
import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.form.rules.Finding;
import cn.ogi.form.rules.ValueRange;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the body of a report — its cells and the objects of the form that hold them — against its edition,
 * collecting every problem into the report's list ({@link ReportReader} reads the identity around it).
 */
final class BodyReader {

    private final EditionDefinition edition;
    private final ReadMode mode;
    private final List<Finding> problems;
    private final Map<String, BigDecimal> cells = new HashMap<>();
    /** Cells that were present but unreadable, so they are not also reported missing. */
    private final Set<String> malformed = new HashSet<>();

    BodyReader(EditionDefinition edition, ReadMode mode, List<Finding> problems) {
        this.edition = edition;
        this.mode = mode;
        this.problems = problems;
    }

    /** The cells read, by cell key (the report puts them in the edition's order). */
    Map<String, BigDecimal> cells() {
        return cells;
    }

    /** A field of the report body at {@code path}: a cell, an object of the form, or an unknown key. */
    void member(String path, JsonNode value) {
        String name = path.substring(path.lastIndexOf('.') + 1);
        if (mode.ignores(name)) {
            return;
        }
        var cell = edition.cell(path);
        if (cell.isPresent()) {
            cell(cell.get(), value);
        } else if (edition.isObjectPath(path)) {
            object(path, value);
        } else {
            problems.add(Finding.error(
                    "SCHEMA-UNKNOWN-KEY",
                    path,
                    path + " is not part of edition " + edition.id()
                            + (path.contains(".") ? "; check the key spelling" : "")));
        }
    }

    private void object(String path, JsonNode value) {
        if (value.isNull()) {
            return; // a null row or section means "not printed"
        }
        if (!value.isObject()) {
            problems.add(Finding.error(
                    "SCHEMA-TYPE", path, path + " must be an object, got " + ReportReader.describe(value)));
            markMalformed(path);
            return;
        }
        value.fields().forEachRemaining(f -> member(path + "." + f.getKey(), f.getValue()));
    }

    private void cell(CellDefinition cell, JsonNode value) {
        if (value.isNull()) {
            cells.put(cell.key(), null);
            return;
        }
        if (!value.isNumber()) {
            problems.add(Finding.error(
                    "SCHEMA-TYPE",
                    cell.key(),
                    cell.key() + " (" + cell.label() + ") must be a number, got " + ReportReader.describe(value)));
            malformed.add(cell.key());
            return;
        }
        if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
            problems.add(ValueRange.notFinite(cell, value.asText())); // 1e309 read as a double: Infinity
            malformed.add(cell.key());
            return;
        }
        BigDecimal number = value.decimalValue();
        if (!cell.type().accepts(number)) {
            problems.add(Finding.error(
                    "SCHEMA-TYPE",
                    cell.key(),
                    cell.key() + " (" + cell.label() + ") is a count and must be a whole number, got "
                            + CellBounds.shown(number)));
            malformed.add(cell.key());
            return;
        }
        var outOfRange = ValueRange.check(cell, number);
        if (outOfRange.isPresent()) {
            problems.add(outOfRange.get());
            malformed.add(cell.key());
            return;
        }
        cells.put(cell.key(), number);
    }

    private void markMalformed(String path) {
        edition.cells().stream()
                .map(CellDefinition::key)
                .filter(k -> k.startsWith(path + "."))
                .forEach(malformed::add);
    }

    void checkRequired() {
        for (CellDefinition cell : edition.cells()) {
            if (!cell.required() || malformed.contains(cell.key())) {
                continue;
            }
            boolean missing = mode == ReadMode.PUSH ? cells.get(cell.key()) == null : !cells.containsKey(cell.key());
            if (missing) {
                String state = cells.containsKey(cell.key()) ? " is blank (null)" : " is missing";
                problems.add(Finding.error(
                        "SCHEMA-MISSING",
                        cell.key(),
                        cell.key() + " (" + cell.label() + ")" + state + "; edition " + edition.id()
                                + " requires it (write 0 if there were none)"));
            }
        }
    }
}
