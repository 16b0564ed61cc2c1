package cn.ogi.e2e.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.demo.Agency;
import cn.ogi.demo.Demo;
import cn.ogi.demo.DemoLoader;
import cn.ogi.demo.DemoProvince;
import cn.ogi.demo.DemoSettings;
import cn.ogi.e2e.Platform;
import cn.ogi.web.auth.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.support.ui.Select;

/**
 * The supervisors' console in a real browser (headless Debian Chromium through Selenium) over a small generated
 * province loaded through intake, against the three services running as real processes: sign-in through the
 * identity provider (authorization code with PKCE), the overview's numbers and bars against the API, drill-down by
 * click with the URL following, the chase list against /completeness, a report's diff, approval and the refused
 * correction after it, live refresh, and what a county's supervisor may not see. Screenshots of every view go to
 * end-to-end-tests/target/console-screenshots/. The province has its own code (46), apart from the other tests'.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    static final DemoSettings SETTINGS =
            DemoSettings.small().withProvince(46).withShape(2, 2, 4, 5).withYears(2022, 2024);
    static final String PROVINCE = "460000";
    static final int YEAR = 2024;
    private static final Path SCREENSHOTS =
            Path.of(System.getProperty("ogi.root.dir", "..")).resolve("end-to-end-tests/target/console-screenshots");

    final Platform platform = Platform.get();
    final String admin = platform.token(Roles.ADMIN, null, "e2e-console");
    final String supervisor = platform.token(Roles.SUPERVISOR, PROVINCE, "省主管-李");
    private Demo demo;
    private FakeIdentityProvider identityProvider;
    private Browser browser;
    private ConsolePages pages;
    private ConsoleProvince province;
    private String city;
    private String county;
    private String correctedAgency;

    @BeforeAll
    void loadAProvinceAndOpenABrowser() throws Exception {
        demo = DemoProvince.generate(SETTINGS);
        new DemoLoader(
                        URI.create("http://localhost:" + Platform.INTAKE),
                        URI.create("http://localhost:" + Platform.REPORTING),
                        admin,
                        500,
                        Duration.ofMinutes(5))
                .load(demo);
        province = new ConsoleProvince(platform, demo, admin, supervisor);
        province.awaitStatsCaughtUp();
        identityProvider = FakeIdentityProvider.start(platform);
        browser = Browser.start(SCREENSHOTS);
        pages = new ConsolePages(browser, Platform.CONSOLE_ORIGIN);
    }

    /** Clicks an export button of the view now shown; the download caught, byte for byte as the API serves it. */
    private ConsoleDownloads.Download exportOf(String buttonCss) {
        ConsoleDownloads downloads = new ConsoleDownloads(browser);
        downloads.install();
        ConsoleDownloads.Download download = downloads.click(buttonCss);
        assertTrue(download.fileName().startsWith("stats-"), "named as the server names it: " + download.fileName());
        byte[] served = fetchWithTheSameRequest(download);
        if (download.accept().equals("text/csv")) {
            assertEquals(
                    new String(served, StandardCharsets.UTF_8), new String(download.bytes(), StandardCharsets.UTF_8));
        } else {
            assertTrue(
                    download.bytes().length > 4 && download.bytes()[0] == 'P' && download.bytes()[1] == 'K', "a zip");
        }
        return download;
    }

    /** The same URL and Accept, with the supervisor's token, asked outside the browser. */
    private byte[] fetchWithTheSameRequest(ConsoleDownloads.Download download) {
        Response response = io.restassured.RestAssured.given()
                .urlEncodingEnabled(false)
                .header("Authorization", "Bearer " + supervisor)
                .accept(download.accept())
                .get(download.url());
        assertEquals(200, response.statusCode(), download.url());
        return response.asByteArray();
    }

    private static String firstLine(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).lines().findFirst().orElse("");
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (identityProvider != null) {
            identityProvider.close();
        }
    }

    @Test
    @Order(1)
    void aProvincialSupervisorSignsInThroughTheIdentityProviderWithPkce() {
        identityProvider.signInNext(new FakeIdentityProvider.Person("省主管-李", Roles.SUPERVISOR, PROVINCE));
        pages.open("/dashboard");
        browser.await(
                "the sign-in page",
                ConsolePages.VIEW_TIMEOUT,
                d -> browser.url().contains("/dashboard/signin"));
        browser.await(
                "the sign-in page's script", ConsolePages.VIEW_TIMEOUT, d -> pages.present("body[data-state=ready]"));
        browser.screenshot("01-signin");
        browser.find("#oidc-sign-in").click();

        browser.awaitView("/dashboard/overview/" + PROVINCE + "/" + YEAR, ConsolePages.VIEW_TIMEOUT);
        assertEquals("省主管-李", pages.text("#who-name"));
        List<FakeIdentityProvider.Exchange> exchanges = identityProvider.exchanges();
        assertEquals(1, exchanges.size(), "one code exchanged: " + exchanges);
        assertTrue(exchanges.get(0).pkceVerified(), "the verifier matched the challenge: " + exchanges);
    }

    @Test
    @Order(2)
    void theIdentityProviderRefusesAVerifierThatDoesNotMatch() throws Exception {
        identityProvider.signInNext(new FakeIdentityProvider.Person("x", Roles.SUPERVISOR, PROVINCE));
        String challenge = FakeIdentityProvider.s256("the-right-verifier-of-at-least-forty-three-characters");
        Response authorize = io.restassured.RestAssured.given()
                .redirects()
                .follow(false)
                .queryParams(Map.of(
                        "response_type",
                        "code",
                        "client_id",
                        Platform.CONSOLE_CLIENT_ID,
                        "redirect_uri",
                        Platform.CONSOLE_ORIGIN + "/dashboard/callback",
                        "code_challenge",
                        challenge,
                        "code_challenge_method",
                        "S256",
                        "state",
                        "s"))
                .get(Platform.ISSUER + "/authorize");
        assertEquals(302, authorize.statusCode());
        String code = authorize.header("Location").replaceAll(".*code=([^&]+).*", "$1");
        io.restassured.RestAssured.given()
                .contentType("application/x-www-form-urlencoded")
                .formParams(Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        code,
                        "redirect_uri",
                        Platform.CONSOLE_ORIGIN + "/dashboard/callback",
                        "client_id",
                        Platform.CONSOLE_CLIENT_ID,
                        "code_verifier",
                        "a-wrong-verifier-of-at-least-forty-three-characters!"))
                .post(Platform.ISSUER + "/token")
                .then()
                .statusCode(400);
    }

    @Test
    @Order(3)
    void theOverviewsNumbersAndEveryBarEqualTheApi() {
        pages.view("/dashboard/overview/" + PROVINCE + "/" + YEAR);
        province.assertOverviewEqualsTheApi(pages, PROVINCE);
        browser.fullPageScreenshot("02-overview-province");

        ConsoleDownloads.Download csv = exportOf(".block:has(#children) button[data-export=csv]");
        assertEquals("text/csv", csv.accept());
        assertTrue(
                csv.url().contains("/api/v1/stats/applications?")
                        && csv.url().contains("jurisdiction=" + PROVINCE)
                        && csv.url().contains("groupBy=child"),
                csv.url());
        assertTrue(firstLine(csv.bytes()).startsWith("\uFEFF"), "a byte-order mark for Excel and WPS");
    }

    @Test
    @Order(4)
    void clickingACityThenACountyDrillsDownAndTheUrlFollows() {
        pages.view("/dashboard/overview/" + PROVINCE + "/" + YEAR);
        JsonNode byChild = province.stats(
                supervisor, "applications", Map.of("jurisdiction", PROVINCE, "year", YEAR, "groupBy", "child"));
        JsonNode cityRow = ConsoleProvince.rows(byChild).stream()
                .filter(r -> !r.get("key").asText().equals(PROVINCE)
                        && r.get("newReceived").asLong() > 0)
                .findFirst()
                .orElseThrow();
        city = cityRow.get("key").asText();
        pages.clickBar("chart-children", cityRow.get("name").asText());
        browser.awaitView("/dashboard/overview/" + city + "/" + YEAR, ConsolePages.VIEW_TIMEOUT);
        province.assertOverviewEqualsTheApi(pages, city);
        assertTrue(pages.text("#crumbs").contains(cityRow.get("name").asText()), pages.text("#crumbs"));
        browser.fullPageScreenshot("03-overview-city");

        JsonNode cityByChild = province.stats(
                supervisor, "applications", Map.of("jurisdiction", city, "year", YEAR, "groupBy", "child"));
        county = ConsoleProvince.rows(cityByChild).stream()
                .map(r -> r.get("key").asText())
                .filter(k -> !k.equals(city))
                .findFirst()
                .orElseThrow();
        browser.find("#children a[data-drill='" + county + "']").click();
        browser.awaitView("/dashboard/overview/" + county + "/" + YEAR, ConsolePages.VIEW_TIMEOUT);
        assertTrue(browser.url().endsWith("/dashboard/overview/" + county + "/" + YEAR), browser.url());
        province.assertOverviewEqualsTheApi(pages, county);
        browser.fullPageScreenshot("04-overview-county");

        browser.driver().navigate().back();
        browser.awaitView("/dashboard/overview/" + city + "/" + YEAR, ConsolePages.VIEW_TIMEOUT);
        province.assertOverviewEqualsTheApi(pages, city);
    }

    @Test
    @Order(5)
    void theChaseListEqualsCompleteness() {
        int year = province.yearWithMissingAndLate(SETTINGS.fromYear());
        pages.view("/dashboard/chase/" + PROVINCE + "/" + year);
        JsonNode answer = province.stats(
                supervisor, "completeness", Map.of("jurisdiction", PROVINCE, "year", year, "groupBy", "child"));
        assertEquals(province.chaseOf(answer, null), pages.rows("#chase", "code", "status"));
        browser.fullPageScreenshot("05-chase");
        ConsoleDownloads.Download xlsx = exportOf(".block:has(#chase) button[data-export=xlsx]");
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.accept());
        assertTrue(xlsx.url().contains("/api/v1/stats/completeness?"), xlsx.url());
        assertTrue(xlsx.fileName().endsWith(".xlsx"), xlsx.fileName());

        String child = ConsoleProvince.rows(answer).get(0).get("key").asText();
        new Select(browser.find("#filter-child")).selectByValue(child);
        browser.awaitView("/dashboard/chase/" + PROVINCE + "/" + year, ConsolePages.VIEW_TIMEOUT);
        browser.await(
                "the filter in the URL",
                ConsolePages.VIEW_TIMEOUT,
                d -> browser.url().contains("child=" + child));
        List<Map<String, String>> filtered = province.chaseOf(answer, child);
        if (filtered.isEmpty()) {
            assertTrue(pages.present("#chase-empty"));
        } else {
            assertEquals(filtered, pages.rows("#chase", "code", "status"));
        }
    }

    @Test
    @Order(6)
    void aReportWithTwoVersionsHighlightsExactlyTheChangedCells() throws Exception {
        correctedAgency = province.agencyWithAReportIn(county, correctedAgency);
        province.correct(correctedAgency, report -> {
            ConsoleProvince.bump(report, "activeDisclosure.licensing.decisions", 3);
            ConsoleProvince.bump(report, "activeDisclosure.punishment.decisions", 1);
            ConsoleProvince.bump(report, "applications.newReceived.naturalPerson", 2);
            ConsoleProvince.bump(report, "applications.newReceived.total", 2);
            ConsoleProvince.bump(report, "applications.granted.naturalPerson", 2);
            ConsoleProvince.bump(report, "applications.granted.total", 2);
            ConsoleProvince.bump(report, "applications.totalProcessed.naturalPerson", 2);
            ConsoleProvince.bump(report, "applications.totalProcessed.total", 2);
        });
        JsonNode diff =
                province.reporting(supervisor, "/api/v1/reports/" + correctedAgency + "/" + YEAR + "/diff?from=1&to=2");
        assertEquals(8, diff.size(), "the correction changed eight cells: " + diff);

        pages.view("/dashboard/report/" + correctedAgency + "/" + YEAR);
        Set<String> highlighted = new TreeSet<>();
        browser.all("#report-tables td.changed").forEach(td -> highlighted.add(td.getAttribute("data-cell")));
        Set<String> changed = new TreeSet<>();
        diff.forEach(d -> changed.add(d.get("cell").asText()));
        assertEquals(changed, highlighted, "the highlighted cells are exactly the diff's");
        for (JsonNode d : diff) {
            String shown = browser.find(
                            "#report-tables td[data-cell='" + d.get("cell").asText() + "']")
                    .getAttribute("data-value");
            assertEquals(0, new BigDecimal(shown).compareTo(d.get("to").decimalValue()), d.toString());
        }
        assertEquals(2, browser.all("#versions tbody tr").size());
        assertFalse(pages.present("#original-download"), "a version submitted as JSON has no original to download");
        browser.fullPageScreenshot("06-report-diff");
    }

    @Test
    @Order(7)
    void approvingLocksTheReportAndACorrectionAfterwardsIsRefused() throws Exception {
        pages.view("/dashboard/report/" + correctedAgency + "/" + YEAR);
        assertEquals("open", browser.find("#lock-state").getAttribute("data-status"));
        browser.find("#approval-reason").sendKeys("已与公开原文核对");
        browser.find("#approve").click();
        browser.await(
                "the report to show locked",
                ConsolePages.VIEW_TIMEOUT,
                d -> pages.present("#lock-state[data-status=approved]"));
        JsonNode report = province.reporting(supervisor, "/api/v1/reports/" + correctedAgency + "/" + YEAR);
        assertEquals("approved", report.get("status").asText());
        assertEquals("省主管-李", report.at("/approval/by").asText());
        assertEquals("已与公开原文核对", report.at("/approval/reason").asText());
        assertTrue(pages.present("#reopen"), "a locked report offers reopening");
        browser.fullPageScreenshot("07-report-locked");

        String refused = province.submitCorrection(
                correctedAgency, r -> ConsoleProvince.bump(r, "activeDisclosure.enforcement.decisions", 1));
        assertEquals("REJECTED", province.awaitSettled(refused));
        assertTrue(Platform.as(Platform.INTAKE, admin)
                .get(refused)
                .jsonPath()
                .getString("rejection")
                .contains("approved"));
        pages.view("/dashboard/report/" + correctedAgency + "/" + YEAR);
        assertEquals(2, browser.all("#versions tbody tr").size(), "no third version");
        assertEquals("approved", browser.find("#lock-state").getAttribute("data-status"));
    }

    @Test
    @Order(8)
    void qualityListsTheFindingsOfTheApi() {
        int year = YEAR;
        pages.view("/dashboard/quality/" + PROVINCE + "/" + year);
        JsonNode answer = province.stats(
                supervisor, "quality", Map.of("jurisdiction", PROVINCE, "year", year, "groupBy", "child", "size", 50));
        List<String> want = new ArrayList<>();
        answer.get("findings")
                .forEach(f -> want.add(
                        f.get("agencyCode").asText() + " " + f.get("rule").asText()));
        List<String> shown = pages.rows("#findings", "agency", "rule").stream()
                .map(r -> r.get("agency") + " " + r.get("rule"))
                .toList();
        assertEquals(want, shown);
        browser.fullPageScreenshot("08-quality");
        ConsoleDownloads.Download csv = exportOf(".block:has(#quality-by-child) button[data-export=csv]");
        assertEquals("text/csv", csv.accept());
        assertTrue(csv.url().contains("/api/v1/stats/quality?") && csv.url().contains("groupBy=child"), csv.url());
    }

    @Test
    @Order(9)
    void theAgencyRegistryIsSearchedByNameAndCodeAndShowsReportsByYear() {
        Agency agency = demo.agencies().stream()
                .filter(a -> a.code().equals(correctedAgency))
                .findFirst()
                .orElseThrow();
        pages.view("/dashboard/agencies/" + PROVINCE);
        browser.find("#agency-search")
                .sendKeys(agency.name().substring(Math.max(0, agency.name().length() - 6)));
        browser.find("#agency-search-submit").click();
        browser.await(
                "the search in the URL",
                ConsolePages.VIEW_TIMEOUT,
                d -> browser.url().contains("q="));
        browser.awaitView("/dashboard/agencies/" + PROVINCE, ConsolePages.VIEW_TIMEOUT);
        assertTrue(pages.rows("#agencies", "code").stream()
                .anyMatch(r -> r.get("code").equals(agency.code())));

        pages.view("/dashboard/agencies/" + PROVINCE + "?q=" + agency.code().substring(0, 12));
        assertTrue(pages.rows("#agencies", "code").stream()
                .allMatch(r -> r.get("code").startsWith(agency.code().substring(0, 12))));
        browser.find("#agencies a[data-agency='" + agency.code() + "']").click();
        browser.await("the agency's reports", ConsolePages.VIEW_TIMEOUT, d -> pages.present("#agency-reports"));
        JsonNode reports = province.reporting(
                supervisor, "/api/v1/reports?jurisdiction=" + PROVINCE + "&agencyCode=" + agency.code());
        List<String> years = new ArrayList<>();
        reports.get("items").forEach(r -> years.add(r.get("year").asText()));
        assertEquals(
                years,
                pages.rows("#agency-reports", "year").stream()
                        .map(r -> r.get("year"))
                        .toList());
        browser.fullPageScreenshot("09-agencies");
    }

    @Test
    @Order(10)
    void aTextImportShowsThePublishedOriginalBesideTheNumbersReadFromIt() {
        cn.ogi.demo.AgencyYear gap = demo.missing().stream()
                .filter(m -> m.year() >= 2022)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the settings must leave a report missing"));
        String name = demo.agencies().stream()
                .filter(a -> a.code().equals(gap.agencyCode()))
                .findFirst()
                .orElseThrow()
                .name();
        String text = cn.ogi.e2e.PublishedText.of(name, gap.year(), 9, 7);
        String submission = Platform.as(Platform.INTAKE, admin)
                .contentType("text/plain; charset=utf-8")
                .body(text)
                .queryParam("agencyCode", gap.agencyCode())
                .queryParam("year", gap.year())
                .post("/api/v1/submissions")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        assertEquals("DELIVERED", province.awaitSettled(submission));

        pages.view("/dashboard/report/" + gap.agencyCode() + "/" + gap.year());
        assertEquals(text.strip(), pages.text("#original-text").strip(), "the published original, as published");
        assertEquals(
                "9",
                browser.find("#report-tables td[data-cell='applications.newReceived.total']")
                        .getAttribute("data-value"));
        assertEquals(
                "120",
                browser.find("#report-tables td[data-cell='activeDisclosure.licensing.decisions']")
                        .getAttribute("data-value"));
        browser.fullPageScreenshot("10-report-text-import");
    }

    @Test
    @Order(11)
    void aPublishedDocumentKeptWithItsVersionDownloadsAsItCame() {
        // intake keeps the document as published for a page, a Markdown conversion or a PDF (a plain text is its
        // originalText already); the demo's text read as a Markdown conversion, for the second missing report
        cn.ogi.demo.AgencyYear gap = demo.missing().stream()
                .filter(m -> m.year() >= 2022)
                .skip(1)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the settings must leave two reports missing"));
        String name = demo.agencies().stream()
                .filter(a -> a.code().equals(gap.agencyCode()))
                .findFirst()
                .orElseThrow()
                .name();
        byte[] published = cn.ogi.e2e.PublishedText.of(name, gap.year(), 6, 4).getBytes(StandardCharsets.UTF_8);
        String submission = Platform.as(Platform.INTAKE, admin)
                .contentType("text/markdown; charset=utf-8")
                .body(published)
                .queryParam("agencyCode", gap.agencyCode())
                .queryParam("year", gap.year())
                .post("/api/v1/submissions")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        assertEquals("DELIVERED", province.awaitSettled(submission));

        pages.view("/dashboard/report/" + gap.agencyCode() + "/" + gap.year());
        ConsoleDownloads downloads = new ConsoleDownloads(browser);
        downloads.install();
        ConsoleDownloads.Download original = downloads.click("#original-download");
        String href = "/api/v1/reports/" + gap.agencyCode() + "/" + gap.year() + "/versions/1/original";
        assertTrue(original.url().endsWith(href), original.url());
        assertArrayEquals(published, original.bytes(), "the original, byte for byte as sent");
        assertArrayEquals(original.bytes(), fetchWithTheSameRequest(original), "what the API serves");
        assertEquals(
                sha256(published),
                browser.find("#original-download").getAttribute("data-sha256"),
                "the digest the page shows is the bytes'");
        browser.fullPageScreenshot("10b-report-original");
    }

    @Test
    @Order(12)
    void theOverviewRefreshesItselfWhenTheNumbersChange() throws Exception {
        pages.view("/dashboard/overview/" + PROVINCE + "/" + YEAR);
        browser.script("window.__sameDocument = true");
        String before = pages.text("#as-of-seq");
        String other = province.agencyWithAReportIn(county.equals(city) ? PROVINCE : city, correctedAgency);
        province.correct(other, r -> {
            ConsoleProvince.bump(r, "applications.newReceived.naturalPerson", 5);
            ConsoleProvince.bump(r, "applications.newReceived.total", 5);
            ConsoleProvince.bump(r, "applications.granted.naturalPerson", 5);
            ConsoleProvince.bump(r, "applications.granted.total", 5);
            ConsoleProvince.bump(r, "applications.totalProcessed.naturalPerson", 5);
            ConsoleProvince.bump(r, "applications.totalProcessed.total", 5);
        });
        province.awaitStatsCaughtUp();
        JsonNode now = province.stats(
                supervisor,
                "applications",
                Map.of("jurisdiction", PROVINCE, "from", 2019, "to", YEAR, "groupBy", "year"));
        String newReceived = ConsoleProvince.rows(now).stream()
                .filter(r -> r.get("key").asText().equals(String.valueOf(YEAR)))
                .findFirst()
                .orElseThrow()
                .get("newReceived")
                .asText();
        browser.await(
                "the overview to show the new numbers without a reload",
                ConsolePages.VIEW_TIMEOUT,
                d -> !pages.text("#as-of-seq").equals(before)
                        && newReceived.equals(pages.tiles().get("newReceived")[0]));
        assertEquals(true, browser.script("return window.__sameDocument === true"), "no reload");
        province.assertOverviewEqualsTheApi(pages, PROVINCE);
    }

    @Test
    @Order(13)
    void aCountySupervisorIsRefusedTheProvinceAndSeesNothingOfTheCity() {
        try (Browser countyBrowser = Browser.start(SCREENSHOTS)) {
            ConsolePages countyPages = new ConsolePages(countyBrowser, Platform.CONSOLE_ORIGIN);
            countyPages.open("/dashboard/signin?role=supervisor&jurisdiction=" + county + "&name=" + "县主管-王");
            countyBrowser.await(
                    "the dev sign-in form",
                    ConsolePages.VIEW_TIMEOUT,
                    d -> countyPages.present("body[data-state=ready]"));
            countyBrowser.find("#dev-submit").click();
            countyBrowser.awaitView("/dashboard/overview/" + county + "/", ConsolePages.VIEW_TIMEOUT);
            assertTrue(countyPages.present("#kpis .kpi"), "the county sees its own overview");

            countyPages.open("/dashboard/overview/" + PROVINCE + "/" + YEAR);
            countyBrowser.await("the 403 page", ConsolePages.VIEW_TIMEOUT, d -> countyPages.present("#forbidden"));
            assertTrue(countyPages.text("#forbidden").contains("403"));
            countyBrowser.screenshot("11-forbidden-province");

            Set<String> foreign = province.foreignNames(county);
            for (String view : List.of(
                    "/dashboard/overview/" + city + "/" + YEAR,
                    "/dashboard/chase/" + city + "/" + YEAR,
                    "/dashboard/quality/" + city + "/" + YEAR,
                    "/dashboard/agencies/" + city,
                    "/dashboard/report/" + province.agencyWithAReportOutside(county) + "/" + YEAR)) {
                countyPages.open(view);
                countyBrowser.await(
                        "the 403 page at " + view, ConsolePages.VIEW_TIMEOUT, d -> countyPages.present("#forbidden"));
                String text = countyPages.bodyText();
                Set<String> leaked =
                        foreign.stream().filter(text::contains).collect(Collectors.toCollection(TreeSet::new));
                assertEquals(Set.of(), leaked, "the page at " + view + " shows another jurisdiction's names");
                assertFalse(
                        countyPages.present("#kpis .kpi") || countyPages.present("table.data"), view + " shows data");
            }
            countyBrowser.screenshot("12-forbidden-city");
        }
        String countyToken = platform.token(Roles.SUPERVISOR, county, "县主管-王");
        for (String query : List.of("applications", "outcomes", "reviews", "fees", "completeness", "quality")) {
            Platform.as(Platform.STATS, countyToken)
                    .queryParams(Map.of("jurisdiction", city, "year", YEAR))
                    .get("/api/v1/stats/" + query)
                    .then()
                    .statusCode(403);
        }
        Platform.as(Platform.REPORTING, countyToken)
                .get("/api/v1/reports?jurisdiction=" + city)
                .then()
                .statusCode(403);
        Platform.as(Platform.REPORTING, countyToken)
                .get("/api/v1/agencies?jurisdiction=" + city)
                .then()
                .statusCode(403);
        Platform.as(Platform.REPORTING, countyToken)
                .get("/api/v1/reports/" + province.agencyWithAReportOutside(county) + "/" + YEAR)
                .then()
                .statusCode(403);
    }

    @Test
    @Order(14)
    void aRoleWithoutAccessToTheConsoleSeesThe403Page() {
        try (Browser other = Browser.start(SCREENSHOTS)) {
            ConsolePages otherPages = new ConsolePages(other, Platform.CONSOLE_ORIGIN);
            otherPages.open("/dashboard/signin?role=submitter&jurisdiction=" + city + "&name=报送系统");
            other.await(
                    "the dev sign-in form",
                    ConsolePages.VIEW_TIMEOUT,
                    d -> otherPages.present("body[data-state=ready]"));
            other.find("#dev-submit").click();
            other.await("the 403 page", ConsolePages.VIEW_TIMEOUT, d -> otherPages.present("#forbidden"));
            assertTrue(otherPages.text("#forbidden").contains("无权访问"));
        }
    }
}
