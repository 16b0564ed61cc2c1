package cn.ogi.reader.table;

import cn.ogi.reader.CellReading;
import cn.ogi.reader.Provenance;
import cn.ogi.reader.ReadNote;
import cn.ogi.reader.Unknown;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where the readers write what they established about each cell, and their notes. */
public final class CellBook {

    private final Map<String, CellReading> cells = new LinkedHashMap<>();
    private final List<ReadNote> notes = new ArrayList<>();

    public void read(String key, BigDecimal value, Provenance provenance, String note) {
        cells.put(key, CellReading.read(value, provenance, note));
    }

    public void unknown(String key, Unknown why, List<BigDecimal> candidates, String note) {
        cells.put(key, CellReading.unknown(why, candidates, note));
    }

    public void note(String kind, List<String> keys, String message) {
        notes.add(new ReadNote(kind, keys, message));
    }

    public boolean has(String key) {
        return cells.containsKey(key);
    }

    public Map<String, CellReading> cells() {
        return java.util.Collections.unmodifiableMap(cells);
    }

    public List<ReadNote> notes() {
        return java.util.Collections.unmodifiableList(notes);
    }

    /** The values: read cells with their value, unknown cells null. */
    public Map<String, BigDecimal> values() {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        cells.forEach((k, v) -> out.put(k, v.value()));
        return out;
    }
}
