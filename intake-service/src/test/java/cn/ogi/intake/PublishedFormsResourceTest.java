package cn.ogi.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.ogi.reader.render.CjkFont;
import cn.ogi.reader.render.GeneratedReport;
import cn.ogi.reader.render.HostileInputs;
import cn.ogi.reader.render.HtmlRenderer;
import cn.ogi.reader.render.MarkdownRenderer;
import cn.ogi.reader.render.PdfRenderer;
import cn.ogi.reader.render.Rendered;
import cn.ogi.reader.render.ReportGenerator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;

/** Published reports in each form through POST /api/v1/parse and the submission path, as clients send them. */
@QuarkusTest
class PublishedFormsResourceTest {

    @Inject
    TestAgencies agencies;

    private final ReportGenerator generator = new ReportGenerator();

    @Test
    void aWebPageIsReadAsHtmlWithEveryCellAndItsProvenance() {
        GeneratedReport report = generator.generate(41);
        Rendered page = new HtmlRenderer(false).render(report, new Random(41));

        JsonPath answer = given().contentType("text/html; charset=utf-8")
                .body(page.bytes())
                .queryParam("year", report.truth().year())
                .post("/api/v1/parse")
                .then()
                .statusCode(200)
                .body("source.form", equalTo("html"))
                .body("source.sha256", equalTo(sha256(page.bytes())))
                .body("source.bytes", is(page.bytes().length))
                .body("source.tables.section", hasItem("applications"))
                .extract()
                .jsonPath();

        assertCellsAsPrinted(report, answer);
    }

    @Test
    void aMarkdownConversionIsReadAsMarkdown() {
        GeneratedReport report = generator.generate(42);
        Rendered markdown = new MarkdownRenderer(false).render(report, new Random(42));

        JsonPath answer = given().contentType("text/markdown; charset=utf-8")
                .body(markdown.bytes())
                .queryParam("year", report.truth().year())
                .post("/api/v1/parse")
                .then()
                .statusCode(200)
                .body("source.form", equalTo("markdown"))
                .extract()
                .jsonPath();

        assertCellsAsPrinted(report, answer);
    }

    @Test
    void aPdfIsReadFromItsPositionsWithThePageOfEachTable() {
        CjkFont font = font();
        GeneratedReport report = generator.generate(43);
        Rendered pdf = new PdfRenderer(font).render(report, new Random(43));

        JsonPath answer = given().contentType("application/pdf")
                .body(pdf.bytes())
                .queryParam("year", report.truth().year())
                .post("/api/v1/parse")
                .then()
                .statusCode(200)
                .body("source.form", equalTo("pdf"))
                .body("source.sha256", equalTo(sha256(pdf.bytes())))
                .body("source.pages", greaterThanOrEqualTo(1))
                .body("source.tables.page", everyItem(greaterThanOrEqualTo(1)))
                .extract()
                .jsonPath();

        assertCellsAsPrinted(report, answer);
    }

    @Test
    void aPdfSubmissionIsStoredWithTheTextOfItsTextLayer() {
        CjkFont font = font();
        String agency = agencies.register("371503");
        GeneratedReport report = generator.generate(44);
        Rendered pdf = new PdfRenderer(font).render(report, new Random(44));

        String id = given().contentType("application/pdf")
                .body(pdf.bytes())
                .queryParam("agencyCode", agency)
                .queryParam("year", report.truth().year())
                .post("/api/v1/submissions")
                .then()
                .statusCode(202)
                .body("source", equalTo("text"))
                .extract()
                .path("id");

        assertEquals(
                1,
                agencies.count("SELECT count(*) FROM submission WHERE id = '" + id
                        + "' AND original_text LIKE '%本年新收政府信息公开申请数量%'"));
    }

    @Test
    void aPdfWithoutATextLayerIsRefusedSayingSo() throws IOException {
        byte[] scanned;
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            scanned = save(doc);
        }

        unreadable(scanned, "pdf-no-text");
    }

    @Test
    void anEncryptedPdfIsRefusedSayingSo() throws IOException {
        byte[] locked;
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            locked = save(doc);
        }

        unreadable(locked, "pdf-encrypted");
    }

    @Test
    void bytesThatAreNotAPdfAreRefusedAsUnreadable() {
        unreadable("%PDF-1.7 this is not a PDF at all".getBytes(StandardCharsets.US_ASCII), "pdf-unreadable");
    }

    @Test
    void aBodyOverTheConfiguredLimitIs413BeforeItIsRead() {
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        big[0] = '%';

        given().contentType("application/pdf")
                .body(big)
                .post("/api/v1/parse")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("intake.reader.max-bytes"));
    }

    @Test
    void aMalformedMediaTypeIsA400ProblemNotA500() {
        given().header("Content-Type", ";;;; charset=ISO-8859-1")
                .body(new byte[] {'%', 'P', 'D', 'F', '-'})
                .post("/api/v1/parse")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/malformed-media-type"));
    }

    @Test
    void anUnsupportedMediaTypeIs415() {
        given().contentType("image/png")
                .body(new byte[] {1, 2, 3})
                .post("/api/v1/parse")
                .then()
                .statusCode(415);
    }

    @Test
    void mutatedPagesPdfsAndTextsAreReadOrRefusedWithAProblemNeverA500() {
        Random rnd = new Random(12);
        CjkFont font = CjkFont.installed().orElse(null);
        for (int i = 0; i < 120; i++) {
            GeneratedReport report = generator.generate(1000 + i);
            Rendered base = i % 3 == 0 && font != null
                    ? new PdfRenderer(font).render(report, rnd)
                    : i % 3 == 1
                            ? new HtmlRenderer(false).render(report, rnd)
                            : new MarkdownRenderer(true).render(report, rnd);
            HostileInputs.Input input = HostileInputs.mutate(base, rnd);
            int status = given().contentType(input.mediaType())
                    .body(input.bytes())
                    .queryParam("year", report.truth().year())
                    .post("/api/v1/parse")
                    .then()
                    .extract()
                    .statusCode();
            assertTrue(status == 200 || (status >= 400 && status < 500), input.description() + ": " + status);
        }
        int deep = given().contentType("text/html; charset=utf-8")
                .body(HostileInputs.nestedHtml(10_000, "<div>", "</div>").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/parse")
                .then()
                .extract()
                .statusCode();
        assertTrue(deep == 200 || deep == 422, "10,000-level nested HTML: " + deep);
        given().contentType("application/pdf")
                .body(HostileInputs.blankPages(5_000))
                .post("/api/v1/parse")
                .then()
                .statusCode(422)
                .body("reason", equalTo("pdf-too-many-pages"));
    }

    private static void unreadable(byte[] pdf, String reason) {
        given().contentType("application/pdf")
                .body(pdf)
                .queryParam("year", 2023)
                .post("/api/v1/parse")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", endsWith("/unreadable-report"))
                .body("reason", equalTo(reason))
                .body("detail", containsString("PDF"));
    }

    /** Every cell of the answer is the value printed, or null with an unknown reason: never another number. */
    private static void assertCellsAsPrinted(GeneratedReport report, JsonPath answer) {
        Map<String, Map<String, Object>> cells = answer.getMap("cells");
        assertFalse(cells.isEmpty(), "the answer lists the cells");
        int read = 0;
        for (Map.Entry<String, Map<String, Object>> e : cells.entrySet()) {
            String key = e.getKey();
            Map<String, Object> cell = e.getValue();
            if (!report.has(key) || cell.get("unknown") != null) {
                continue;
            }
            read++;
            Object value = cell.get("value");
            if ("blank-as-printed".equals(cell.get("provenance"))) {
                assertTrue(report.printsBlank(key), key + " was printed blank");
                continue;
            }
            BigDecimal want = report.value(key);
            assertEquals(0, want.compareTo(new BigDecimal(String.valueOf(value))), key);
        }
        assertTrue(read >= 0.9 * cells.size(), "most cells are read: " + read + " of " + cells.size());
        assertEquals(report.truth().edition(), answer.getString("edition"));
    }

    private static CjkFont font() {
        assumeTrue(
                CjkFont.installed().isPresent(),
                "no CJK TrueType font: install " + CjkFont.DEBIAN_PACKAGE + " (deploy/local/tools does)");
        return CjkFont.installed().get();
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
