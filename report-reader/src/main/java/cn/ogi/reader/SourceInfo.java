package cn.ogi.reader;

import java.util.List;

/**
 * What was read: the form, the original bytes' size and SHA-256 (hex), the number of pages of a PDF, and where
 * each table of the form was found.
 */
public record SourceInfo(SourceForm form, String sha256, long bytes, Integer pages, List<TablePlace> tables) {

    public SourceInfo {
        tables = tables == null ? List.of() : List.copyOf(tables);
    }
}
