package cn.ogi.reader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The cells of a fixture its source does not let anyone recover (test resource {@code unrecoverable-cells.json}). */
record UnrecoverableCells(List<String> patterns) {

    static UnrecoverableCells of(String fixture) {
        try (InputStream in = UnrecoverableCells.class.getResourceAsStream("/unrecoverable-cells.json")) {
            JsonNode entry = new ObjectMapper().readTree(in).path(fixture);
            List<String> patterns = new ArrayList<>();
            entry.path("cells").forEach(c -> patterns.add(c.asText()));
            return new UnrecoverableCells(patterns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean covers(String key) {
        for (String p : patterns) {
            if (p.endsWith(".*") ? key.startsWith(p.substring(0, p.length() - 1)) : key.equals(p)) {
                return true;
            }
        }
        return false;
    }
}
