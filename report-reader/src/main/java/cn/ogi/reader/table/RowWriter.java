package cn.ogi.reader.table;

import cn.ogi.reader.Provenance;
import cn.ogi.reader.ReadNote;
import cn.ogi.reader.Unknown;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes one row's cells to the book from the readings {@link TableReader} kept for it: a cell every reading agrees
 * on is read (printed, split by constraint or blank as printed), the others are null with why (merged, possibly the
 * cell not printed, or ambiguous with their candidates); and the row's notes.
 */
final class RowWriter {

    private static final int LISTED_CANDIDATES = 8;

    private final CellBook book;

    RowWriter(CellBook book) {
        this.book = book;
    }

    /** The cells of the row {@code st} from {@code readings}, found {@code how}, in the table named {@code table}. */
    void write(RowState st, List<RowReadings.Reading> readings, String how, String table) {
        List<CellSpec> cells = st.spec().cells();
        List<String> keys = st.spec().cellKeys();
        if (readings.isEmpty()) {
            unreadable(st, table);
            return;
        }
        boolean straight = st.result().straight() && readings.size() == 1;
        Noted noted = new Noted(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int c = 0; c < cells.size(); c++) {
            cell(st, readings, c, how, straight, noted);
        }
        List<String> split = noted.split();
        List<String> blank = noted.blank();
        List<String> ambiguous = noted.ambiguous();
        if (!blank.isEmpty()) {
            book.note(
                    ReadNote.BLANK_CELL,
                    blank,
                    "blank cells in a printed row (null: printed blank; the rules count them as 0)");
        }
        noteUnits(st, keys, readings);
        if (!split.isEmpty()) {
            book.note(
                    ReadNote.SPLIT_BY_CONSTRAINT,
                    split,
                    table + " row " + st.spec().key() + " printed as "
                            + st.row().values() + ": read as "
                            + (readings.size() == 1
                                    ? Arrays.toString(readings.get(0).values())
                                    : "the cells all its readings share")
                            + ", " + how);
        }
        if (!ambiguous.isEmpty()) {
            noteAmbiguous(st, readings, table, ambiguous);
        }
    }

    private void unreadable(RowState st, String table) {
        List<CellSpec> cells = st.spec().cells();
        List<String> keys = st.spec().cellKeys();
        for (String key : keys) {
            book.unknown(
                    key,
                    Unknown.UNREADABLE,
                    List.of(),
                    "the printed numbers " + st.row().values() + " cannot be read as this row's " + cells.size()
                            + " cells");
        }
        book.note(
                ReadNote.UNREADABLE,
                keys,
                table + " row " + st.spec().key() + ": the printed numbers "
                        + st.row().values() + " cannot be read as its " + cells.size() + " cells");
    }

    /** The keys of a row's cells that its notes name: split by constraint, blank as printed, ambiguous. */
    private record Noted(List<String> split, List<String> blank, List<String> ambiguous) {}

    /** Writes cell {@code c} of the row, and adds its key to the note it needs, if any. */
    private void cell(
            RowState st, List<RowReadings.Reading> readings, int c, String how, boolean straight, Noted noted) {
        Set<BigDecimal> values = new LinkedHashSet<>();
        boolean merged = false;
        boolean missing = false;
        byte kind = readings.get(0).kinds()[c];
        boolean sameKind = true;
        for (RowReadings.Reading r : readings) {
            BigDecimal v = r.values()[c];
            if (v == null && r.kinds()[c] == RowReadings.MISSING) {
                missing = true;
            } else if (v == null) {
                merged = true;
            } else {
                values.add(v.stripTrailingZeros());
            }
            sameKind &= r.kinds()[c] == kind;
        }
        String key = st.spec().cellKeys().get(c);
        if (merged) {
            book.unknown(key, Unknown.UNREADABLE, List.of(), "the number printed spans several rows (merged cell)");
            return;
        }
        if (missing) {
            book.unknown(
                    key,
                    Unknown.UNREADABLE,
                    List.of(),
                    "the row prints fewer cells than the form has; " + "this one may be the cell not printed");
            return;
        }
        if (values.size() == 1) {
            BigDecimal v = readings.get(0).values()[c];
            Provenance p = provenance(kind, sameKind, straight, st.positioned() && readings.size() == 1);
            // a blank cell is null in the report (printed blank), as printed; the rules count it as the 0 it means
            book.read(
                    key,
                    p == Provenance.BLANK_AS_PRINTED ? null : v,
                    p,
                    p == Provenance.SPLIT_BY_CONSTRAINT ? how : null);
            if (p == Provenance.SPLIT_BY_CONSTRAINT) {
                noted.split().add(key);
            } else if (p == Provenance.BLANK_AS_PRINTED) {
                noted.blank().add(key);
            }
            return;
        }
        ambiguous(key, values, how);
        noted.ambiguous().add(key);
    }

    /** Cell {@code key} is unknown: its readings give several {@code values}. */
    private void ambiguous(String key, Set<BigDecimal> values, String how) {
        List<BigDecimal> candidates = new ArrayList<>(values);
        candidates.sort(null);
        book.unknown(
                key,
                Unknown.AMBIGUOUS,
                candidates.size() <= LISTED_CANDIDATES ? candidates : candidates.subList(0, LISTED_CANDIDATES),
                candidates.size() + " readings "
                        + (how.startsWith("as printed")
                                ? "satisfy the row"
                                : how.contains("misprinted")
                                        ? "remain (every rule, or all but one number misprinted)"
                                        : "satisfy every rule"));
    }

    private void noteAmbiguous(RowState st, List<RowReadings.Reading> readings, String table, List<String> ambiguous) {
        book.note(
                ReadNote.AMBIGUOUS,
                ambiguous,
                table + " row " + st.spec().key() + " printed as "
                        + st.row().values() + ": " + readings.size() + " readings remain ("
                        + readings.stream()
                                .limit(4)
                                .map(RowReadings.Reading::toString)
                                .collect(Collectors.joining(", "))
                        + (readings.size() > 4 ? ", …" : "") + "); the cells they disagree on are left null");
    }

    /** Amounts printed in another unit than the cell's, or approximately, are noted. */
    private void noteUnits(RowState st, List<String> keys, List<RowReadings.Reading> readings) {
        if (readings.size() != 1) {
            return;
        }
        for (Token t : st.row().values()) {
            if (t.type() != Token.Type.NUMBER) {
                continue;
            }
            int cell = -1;
            for (int c = 0; c < keys.size(); c++) {
                String unit = st.spec().cells().get(c).unit();
                if (unit != null && t.unit() != null && !t.unit().equals(unit)) {
                    cell = c;
                }
            }
            if (cell >= 0 && t.unit() != null) {
                book.note(
                        ReadNote.UNIT_CONVERTED,
                        List.of(keys.get(cell)),
                        "printed as " + t + ", converted to "
                                + st.spec().cells().get(cell).unit() + ": "
                                + readings.get(0).values()[cell].toPlainString());
            }
            if (t.approximate()) {
                book.note(ReadNote.APPROXIMATE_AMOUNT, keys, "printed approximately (" + t + "); recorded as stated");
            }
        }
    }

    private static Provenance provenance(byte kind, boolean sameKind, boolean straight, boolean placedByPosition) {
        if (!sameKind) {
            return Provenance.SPLIT_BY_CONSTRAINT;
        }
        if (kind == RowReadings.BLANK) {
            return Provenance.BLANK_AS_PRINTED;
        }
        if (kind == RowReadings.INVISIBLE_BLANK) {
            return Provenance.BLANK_AS_PRINTED; // a blank cell, wherever it was told to be
        }
        if (kind == RowReadings.PRINTED) {
            // the number is printed whole; its column is told by the row itself or by its position, else inferred
            return straight || placedByPosition ? Provenance.PRINTED : Provenance.SPLIT_BY_CONSTRAINT;
        }
        return Provenance.SPLIT_BY_CONSTRAINT;
    }
}
