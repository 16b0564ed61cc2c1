package cn.ogi.intake.parse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the readers put what they find: cell values, notes, and rows whose numbers could be placed in more
 * than one way (decided at the end, when the whole report is known, see {@link Ambiguities}).
 */
final class CellSink {

    final Map<String, BigDecimal> cells = new LinkedHashMap<>();
    final List<ParseNote> notes = new ArrayList<>();
    final List<Ambiguity> pending = new ArrayList<>();

    void put(String key, BigDecimal value) {
        cells.put(key, value);
    }

    void note(String kind, List<String> keys, String message) {
        notes.add(new ParseNote(kind, keys, message));
    }

    /**
     * A row whose printed numbers fit several placements.
     *
     * @param keys       the row's cell keys
     * @param candidates the placements still possible (null element = cell left blank)
     * @param preferred  index of the placement to use when the report's rules cannot decide, or -1 for none
     * @param what       how the numbers were printed, for the note
     * @param split      whether the candidates come from splitting run-together digits
     */
    record Ambiguity(List<String> keys, List<List<BigDecimal>> candidates, int preferred, String what, boolean split) {}
}
