package cn.ogi.stats.export;

import cn.ogi.stats.query.Column;
import cn.ogi.stats.query.ResultRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV for Excel and WPS: UTF-8 with a byte-order mark (without it both guess a legacy code page and garble
 * Chinese), a first header row of Chinese labels, a second of the English keys, then the rows.
 */
public final class CsvExport {

    public static final String MEDIA_TYPE = "text/csv";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvExport() {}

    public static byte[] write(Table table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            csv.printRecord(table.columns().stream().map(Column::label).toList());
            csv.printRecord(table.columns().stream().map(Column::key).toList());
            for (ResultRow row : table.rows()) {
                csv.printRecord(table.columns().stream()
                        .map(c -> text(row.value(c.key())))
                        .toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Collection<?> list) {
            return String.join("; ", list.stream().map(String::valueOf).toList());
        }
        return value.toString();
    }
}
