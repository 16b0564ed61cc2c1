package cn.ogi.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.stats.model.ReadModelWriter;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CSV and XLSX exports hold the same table as the JSON answer. */
@QuarkusTest
class ExportTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final List<String> KEYS =
            List.of("key", "name", "newReceived", "carriedOver", "totalProcessed", "carriedForward");

    @Inject
    ReadModelWriter writer;

    private TestFeed.Tree tree;

    @BeforeEach
    void givenACityWithReportsInBothCounties() {
        TestFeed feed = new TestFeed(writer);
        tree = feed.newCity(2);
        int seed = 11;
        for (String place : List.of(
                tree.city(),
                tree.counties().get(0),
                tree.counties().get(1),
                tree.counties().get(1))) {
            feed.add(feed.version(
                    TestReports.varied(feed.newAgency(place, "department"), 2023, seed++)
                            .build(),
                    1,
                    "2024-01-10T00:00:00Z"));
        }
        feed.flush();
    }

    @Test
    void csvHasABomChineseHeadersTheKeysAndTheSameNumbersAsJson() {
        JsonNode json = Json.read(request()
                .accept("application/json")
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        byte[] csv = request()
                .accept("text/csv")
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(".csv"))
                .extract()
                .asByteArray();

        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3));
        List<CSVRecord> records = parse(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8));
        assertEquals("行政区划代码", records.get(0).get(0));
        assertEquals("一、本年新收政府信息公开申请数量", records.get(0).get(2));
        assertEquals(KEYS, records.get(1).toList());
        assertEquals(json.get("rows").size() + 3, records.size(), "two header rows, the rows, the total");
        for (int i = 0; i < json.get("rows").size(); i++) {
            JsonNode row = json.get("rows").get(i);
            CSVRecord record = records.get(i + 2);
            assertEquals(row.get("key").asText(), record.get(0));
            for (int c = 2; c < KEYS.size(); c++) {
                assertEquals(0, Json.number(row, KEYS.get(c)).compareTo(new BigDecimal(record.get(c))), KEYS.get(c));
            }
        }
        CSVRecord total = records.get(records.size() - 1);
        assertEquals("total", total.get(0));
        assertEquals(0, Json.number(json.get("total"), "newReceived").compareTo(new BigDecimal(total.get(2))));
    }

    @Test
    void xlsxHasTheSameTableAsJson() throws Exception {
        JsonNode json = Json.read(request()
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        byte[] xlsx = request()
                .accept(XLSX)
                .get("/api/v1/stats/applications")
                .then()
                .statusCode(200)
                .contentType(XLSX)
                .extract()
                .asByteArray();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals("名称", sheet.getRow(0).getCell(1).getStringCellValue());
            for (int c = 0; c < KEYS.size(); c++) {
                assertEquals(KEYS.get(c), sheet.getRow(1).getCell(c).getStringCellValue());
            }
            assertEquals(json.get("rows").size() + 3, sheet.getPhysicalNumberOfRows());
            for (int i = 0; i < json.get("rows").size(); i++) {
                JsonNode row = json.get("rows").get(i);
                Row xlsxRow = sheet.getRow(i + 2);
                assertEquals(row.get("key").asText(), xlsxRow.getCell(0).getStringCellValue());
                for (int c = 2; c < KEYS.size(); c++) {
                    assertEquals(
                            Json.number(row, KEYS.get(c)).doubleValue(),
                            xlsxRow.getCell(c).getNumericCellValue(),
                            0,
                            KEYS.get(c));
                }
            }
            Row total = sheet.getRow(json.get("rows").size() + 2);
            assertEquals(
                    Json.number(json.get("total"), "totalProcessed").doubleValue(),
                    total.getCell(4).getNumericCellValue(),
                    0);
        }
    }

    @Test
    void completenessXlsxCarriesTheMissingAgenciesOnASheetOfTheirOwn() throws Exception {
        byte[] xlsx = given().queryParam("jurisdiction", tree.city())
                .queryParam("year", 2023)
                .accept(XLSX)
                .get("/api/v1/stats/completeness")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(3, workbook.getNumberOfSheets());
            assertTrue(workbook.getSheetName(1).contains("未报"));
        }
    }

    private io.restassured.specification.RequestSpecification request() {
        return given().queryParam("jurisdiction", tree.city())
                .queryParam("year", 2023)
                .queryParam("groupBy", "child");
    }

    private static List<CSVRecord> parse(String text) {
        try {
            return CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
