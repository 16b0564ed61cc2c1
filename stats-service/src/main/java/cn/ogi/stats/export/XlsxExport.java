package cn.ogi.stats.export;

import cn.ogi.stats.query.Column;
import cn.ogi.stats.query.ResultRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * XLSX with Apache POI: one sheet per table (the result, then its listings), each with the Chinese header
 * row, the English key row, then the rows; numbers are numeric cells so that spreadsheets can sum them.
 */
public final class XlsxExport {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private XlsxExport() {}

    public static byte[] write(List<Table> tables) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            Set<String> names = new HashSet<>();
            for (Table table : tables) {
                Sheet sheet = workbook.createSheet(uniqueName(table.title(), names));
                Row labels = sheet.createRow(0);
                Row keys = sheet.createRow(1);
                List<Column> columns = table.columns();
                for (int c = 0; c < columns.size(); c++) {
                    Cell label = labels.createCell(c);
                    label.setCellValue(columns.get(c).label());
                    label.setCellStyle(header);
                    keys.createCell(c).setCellValue(columns.get(c).key());
                }
                int r = 2;
                for (ResultRow values : table.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < columns.size(); c++) {
                        Object v = values.value(columns.get(c).key());
                        if (v instanceof Number n) {
                            row.createCell(c).setCellValue(n.doubleValue());
                        } else if (v != null) {
                            row.createCell(c).setCellValue(CsvExport.text(v));
                        }
                    }
                }
                sheet.createFreezePane(0, 2);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String uniqueName(String title, Set<String> used) {
        String base = WorkbookUtil.createSafeSheetName(title);
        String name = base;
        for (int i = 2; !used.add(name); i++) {
            name = WorkbookUtil.createSafeSheetName(base + " " + i);
        }
        return name;
    }
}
