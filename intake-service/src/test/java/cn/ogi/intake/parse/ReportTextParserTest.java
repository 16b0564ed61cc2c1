package cn.ogi.intake.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.rules.RuleEngine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Behaviour of the parser on synthetic report texts written for these tests. */
class ReportTextParserTest {

    private final ReportTextParser parser = new ReportTextParser();

    private ParseOutcome parse(SyntheticReport r) {
        return parser.parse(r.text(), ParseHints.none());
    }

    private static BigDecimal cell(ParseOutcome o, String key) {
        return o.report().cells().value(key).orElse(null);
    }

    private static void assertCell(ParseOutcome o, String key, String expected) {
        BigDecimal got = cell(o, key);
        assertTrue(
                got != null && got.compareTo(new BigDecimal(expected)) == 0,
                key + ": expected " + expected + ", got " + got);
    }

    private static void assertRow(ParseOutcome o, String row, String... values) {
        String[] cols = {"naturalPerson", "commercial", "research", "socialWelfare", "legalService", "other", "total"};
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                assertNull(cell(o, "applications." + row + "." + cols[i]), row + "." + cols[i]);
            } else {
                assertCell(o, "applications." + row + "." + cols[i], values[i]);
            }
        }
    }

    private static boolean noted(ParseOutcome o, String kind, String cell) {
        return o.notes(kind).stream().anyMatch(n -> n.cells().contains(cell));
    }

    private static void assertNoErrors(ParseOutcome o) {
        assertEquals(List.of(), RuleEngine.standard().evaluate(o.report()));
    }

    private static void assertStandardTables(ParseOutcome o) {
        assertRow(o, "newReceived", "5", "1", "0", "0", "1", "0", "7");
        assertRow(o, "partiallyGranted", "1", "0", "0", "0", "0", "0", "1");
        assertRow(o, "unavailable.notHeld", "1", "0", "0", "0", "1", "0", "2");
        assertRow(o, "carriedForward", "1", "0", "0", "0", "0", "0", "1");
        assertCell(o, "reviews.reconsideration.total", "2");
        assertCell(o, "reviews.litigationDirect.corrected", "1");
        assertCell(o, "reviews.litigationAfterReconsideration.total", "0");
    }

    @Nested
    class Layouts {

        @Test
        void readsEveryCellOfAPipeSeparatedWebScrape() {
            ParseOutcome o = parse(SyntheticReport.edition2021());

            assertEquals("2021", o.edition());
            AnnualReport r = o.report();
            assertEquals(2022, r.year());
            assertEquals("青禾县交通运输局", r.agencyName());
            assertEquals(LocalDate.of(2023, 1, 20), r.publishedOn());
            assertStandardTables(o);
            assertCell(o, "activeDisclosure.normativeDocuments.inForce", "12");
            assertCell(o, "activeDisclosure.licensing.decisions", "396");
            assertCell(o, "activeDisclosure.administrativeFees.amountWan", "12.5");
            assertCell(o, "processingFees.amountYuan", "0");
            assertNoErrors(o);
        }

        @Test
        void readsPdftotextColumnsWithWrappedLabelsVerticalGroupLabelsAndPageFooters() {
            ParseOutcome o = parse(SyntheticReport.edition2021().layout(SyntheticReport.Layout.PDF));

            assertStandardTables(o);
            assertCell(o, "activeDisclosure.punishment.decisions", "57");
            assertNoErrors(o);
        }

        @Test
        void splitsCellsRunTogetherUsingTheTablesOwnSums() {
            ParseOutcome o = parse(SyntheticReport.edition2021().layout(SyntheticReport.Layout.RUN_TOGETHER));

            assertStandardTables(o);
            assertTrue(noted(o, ParseNote.INFERRED, "applications.newReceived.total"));
            assertTrue(noted(o, ParseNote.INFERRED, "reviews.reconsideration.upheld"));
        }

        @Test
        void splitsATable1RowRunTogetherWithItsLabelIntoEqualWidthNumbers() {
            SyntheticReport r = SyntheticReport.edition2019();
            r.post = t -> t.replace("行政许可 | 10 | +3 | 13", "行政许可396442278");

            ParseOutcome o = parse(r);

            assertCell(o, "activeDisclosure.licensing.previousYearItems", "396");
            assertCell(o, "activeDisclosure.licensing.change", "442");
            assertCell(o, "activeDisclosure.licensing.decisions", "278");
            assertTrue(noted(o, ParseNote.INFERRED, "activeDisclosure.licensing.change"));
        }
    }

    @Nested
    class ScriptsAndTypos {

        @Test
        void stripsPinyinGlossesAndFoldsTraditionalCharacters() {
            SyntheticReport r = SyntheticReport.edition2021();
            r.agency = "青禾縣交(jiāo)通運(yùn)輸局";
            r.post = t -> t.replace("报告", "報(bào)告(gào)")
                    .replace("申请", "申請(qǐng)")
                    .replace("国家秘密", "國(guó)家秘密")
                    .replace("处理", "處(chǔ)理")
                    .replace("行政复议", "行政複(fù)議(yì)")
                    .replace("总计", "總(zǒng)計(jì)");

            ParseOutcome o = parse(r);

            assertEquals("青禾县交通运输局", o.report().agencyName());
            assertStandardTables(o);
            assertNoErrors(o);
        }

        @Test
        void readsFullWidthDigitsPunctuationAndIdeographicCommaNumbering() {
            SyntheticReport r = SyntheticReport.edition2021().layout(SyntheticReport.Layout.PDF);
            r.post = t -> toFullWidth(t).replace("1.", "1、").replace("2.", "2、");

            ParseOutcome o = parse(r);

            assertStandardTables(o);
            assertEquals(2022, o.report().year());
        }

        @Test
        void matchesLabelsWithTyposAndNotesTheFuzzyMatch() {
            SyntheticReport r = SyntheticReport.edition2021()
                    .row("withheld.prohibitedByLaw", "2", "0", "0", "0", "0", "0", "2")
                    .row("granted", "1", "1", "0", "0", "0", "0", "2");
            r.post = t -> t.replace("其他法律行政法规禁止公开", "其他法律行政止公开").replace("行政复议", "行政法复议");

            ParseOutcome o = parse(r);

            assertRow(o, "withheld.prohibitedByLaw", "2", "0", "0", "0", "0", "0", "2");
            assertTrue(noted(o, ParseNote.FUZZY_LABEL, "applications.withheld.prohibitedByLaw.total"));
            assertCell(o, "reviews.reconsideration.total", "2");
        }
    }

    @Nested
    class BlankAndMissingNumbers {

        @Test
        void countsABlankCellInAPrintedRowAsZeroAndNamesIt() {
            ParseOutcome o = parse(SyntheticReport.edition2021().row("granted", "3", "", "0", "0", "0", "0", "3"));

            assertCell(o, "applications.granted.commercial", "0");
            assertTrue(noted(o, ParseNote.BLANK_CELL, "applications.granted.commercial"));
        }

        @Test
        void recordsATable1RowPrintedWithoutNumbersAsNotStated() {
            SyntheticReport r = SyntheticReport.edition2019();
            r.table1.put("其他对外管理服务事项", List.of("", "", ""));

            ParseOutcome o = parse(r);

            assertTrue(o.report().cells().has("activeDisclosure.otherExternalServices.decisions"));
            assertNull(cell(o, "activeDisclosure.otherExternalServices.decisions"));
            assertTrue(noted(o, ParseNote.BLANK_ROW, "activeDisclosure.otherExternalServices.change"));
        }

        @Test
        void keepsPrintOrderAndLeavesTheLastCellBlankWhenANumberIsMissingAndNothingTellsWhere() {
            SyntheticReport r = SyntheticReport.edition2021();
            r.table3 = List.of("0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0");

            ParseOutcome o = parse(r);

            assertNull(cell(o, "reviews.litigationAfterReconsideration.total"));
            assertCell(o, "reviews.litigationAfterReconsideration.pending", "0");
            assertTrue(noted(o, ParseNote.MISSING_NUMBER, "reviews.litigationAfterReconsideration.total"));
        }

        @Test
        void placesTheGapWhereTheColumnSumsShowItInsteadOfShiftingNumbers() {
            // pdf layout: the blank cell is invisible, so "1 0 0 0 1 2" could be any six of the seven cells
            SyntheticReport r = SyntheticReport.edition2021()
                    .layout(SyntheticReport.Layout.PDF)
                    .row("unavailable.notHeld", "1", "0", "0", "0", "1", "", "2");

            ParseOutcome o = parse(r);

            assertCell(o, "applications.unavailable.notHeld.legalService", "1");
            assertNull(cell(o, "applications.unavailable.notHeld.other"));
            assertCell(o, "applications.unavailable.notHeld.total", "2");
            assertTrue(noted(o, ParseNote.MISSING_NUMBER, "applications.unavailable.notHeld.other"));
        }
    }

    @Nested
    class EditionsAndYears {

        @Test
        void detectsEdition2019FromItsTable1Headers() {
            ParseOutcome o = parse(SyntheticReport.edition2019());

            assertEquals("2019", o.edition());
            assertEquals(2020, o.report().year());
            assertCell(o, "activeDisclosure.licensing.change", "3");
            assertCell(o, "activeDisclosure.punishment.change", "-2");
            assertCell(o, "applications.otherDisposal.other.total", "0");
            assertFalse(o.report().cells().has("applications.otherDisposal.noCorrection.total"));
        }

        @Test
        void readsTheEditionFromTheHeadersEvenWhenTheYearWouldSayOtherwise() {
            SyntheticReport r = SyntheticReport.edition2021();
            r.year = 2020;

            ParseOutcome o = parse(r);

            assertEquals("2021", o.edition());
            assertFalse(o.notes(ParseNote.EDITION_DETECTED).isEmpty());
        }

        @Test
        void aYearHintOverridesTheTitleAndTheDisagreementIsNoted() {
            ParseOutcome o =
                    parser.parse(SyntheticReport.edition2021().text(), new ParseHints("11370000MB1234567X", 2021));

            assertEquals(2021, o.report().year());
            assertEquals("11370000MB1234567X", o.report().agencyCode());
            assertTrue(o.notes(ParseNote.YEAR_DETECTED).stream()
                    .anyMatch(n -> n.message().contains("2022")));
        }

        @Test
        void recordsAnEdition2021OtherDisposalPrintedAsOneRowAsOtherOnly() {
            SyntheticReport r = SyntheticReport.edition2021()
                    .row("otherDisposal.other", "1", "0", "0", "0", "0", "0", "1")
                    .row("totalProcessed", "6", "1", "0", "0", "1", "0", "8")
                    .row("newReceived", "6", "1", "0", "0", "1", "0", "8");
            r.mergedOtherDisposal = true;

            ParseOutcome o = parse(r);

            assertRow(o, "otherDisposal.other", "1", "0", "0", "0", "0", "0", "1");
            assertFalse(o.report().cells().has("applications.otherDisposal.noCorrection.naturalPerson"));
            assertFalse(o.report().cells().has("applications.otherDisposal.unpaidFee.total"));
            assertTrue(noted(o, ParseNote.MERGED_ROW, "applications.otherDisposal.other"));
        }
    }

    @Nested
    class AmountsAndFees {

        @Test
        void convertsAnAmountInYuanToTheCellsUnitOfTenThousandYuan() {
            ParseOutcome o = parse(SyntheticReport.edition2019());

            assertCell(o, "activeDisclosure.centralizedProcurement.amountWan", "25.1");
            assertTrue(noted(o, ParseNote.UNIT_CONVERTED, "activeDisclosure.centralizedProcurement.amountWan"));
        }

        @Test
        void keepsAnAmountInTenThousandYuanAndNotesAnApproximateOne() {
            SyntheticReport r = SyntheticReport.edition2019();
            r.table1.put("政府集中采购", List.of("3", "1007.25万元"));
            r.table1.put("行政事业性收费", List.of("2", "0"));
            assertCell(parse(r), "activeDisclosure.centralizedProcurement.amountWan", "1007.25");

            r.table1.put("政府集中采购", List.of("3", "1900余万元"));
            ParseOutcome o = parse(r);
            assertCell(o, "activeDisclosure.centralizedProcurement.amountWan", "1900");
            assertTrue(noted(o, ParseNote.APPROXIMATE_AMOUNT, "activeDisclosure.centralizedProcurement.amountWan"));
        }

        @Test
        void readsTheProcessingFeeSentence() {
            SyntheticReport r = SyntheticReport.edition2021();
            r.feeSentence = "2022年,本局全年收取政府信息公开信息处理费 3940 元。";
            assertCell(parse(r), "processingFees.amountYuan", "3940");

            r.feeSentence = "2022年,本局未收取政府信息依申请公开信息处理费。";
            assertCell(parse(r), "processingFees.amountYuan", "0");

            r.feeSentence = "无。";
            assertFalse(
                    parse(r).report().cells().value("processingFees.amountYuan").isPresent());
        }
    }

    @Nested
    class LegacyProse {

        private static final String LEGACY = """
                青禾县林业局2015年政府信息公开工作年度报告
                本报告中所列数据的统计期限自2015年1月1日起至2015年12月31日止。
                一、概述
                2015年,青禾县林业局认真贯彻落实《条例》,全年主动公开政府信息共三百二十条。
                二、依申请公开情况
                全年共收到政府信息公开申请两项,其中同意公开1件,同意部分公开1件。
                三、收费及减免情况
                本年度未收取任何费用。
                四、因政府信息公开申请行政复议、提起行政诉讼的情况
                本年度没有发生因政府信息公开引发的行政复议和行政诉讼。
                青禾县林业局
                2016年3月1日
                """;

        @Test
        void extractsTheFiguresTheProseStatesIncludingChineseNumerals() {
            ParseOutcome o = parser.parse(LEGACY, ParseHints.none());

            assertEquals("legacy", o.edition());
            assertEquals(2015, o.report().year());
            assertEquals("青禾县林业局", o.report().agencyName());
            assertEquals(LocalDate.of(2016, 3, 1), o.report().publishedOn());
            assertCell(o, "legacy.applicationsReceived", "2");
            assertCell(o, "legacy.granted", "1");
            assertCell(o, "legacy.partiallyGranted", "1");
            assertCell(o, "legacy.reconsiderations", "0");
            assertCell(o, "legacy.lawsuits", "0");
            assertCell(o, "legacy.feesYuan", "0");
            assertCell(o, "legacy.activelyDisclosed", "320");
        }

        @Test
        void leavesWhatTheProseDoesNotStateNull() {
            ParseOutcome o = parser.parse(LEGACY, ParseHints.none());

            assertNull(cell(o, "legacy.withheld"));
            assertTrue(noted(o, ParseNote.NOT_FOUND, "legacy.withheld"));
        }
    }

    @Nested
    class UnreadableTexts {

        @Test
        void rejectsAnEmptyText() {
            UnreadableReportException e =
                    assertThrows(UnreadableReportException.class, () -> parser.parse("  \n ", null));
            assertTrue(e.getMessage().contains("empty"));
        }

        @Test
        void rejectsATextThatIsNotAReport() {
            UnreadableReportException e = assertThrows(
                    UnreadableReportException.class, () -> parser.parse("今天天气很好,我们去公园散步。\n明天再说。", ParseHints.none()));
            assertTrue(
                    e.getMessage().contains("not a government information disclosure annual report"), e.getMessage());
        }

        @Test
        void rejectsATableEditionReportWhoseTablesAreMissingAndSaysWhatWasLookedFor() {
            String text = "青禾县交通运输局2023年政府信息公开工作年度报告\n一、总体情况\n本局稳步推进政务公开。\n";
            UnreadableReportException e =
                    assertThrows(UnreadableReportException.class, () -> parser.parse(text, ParseHints.none()));
            assertTrue(e.getMessage().contains("edition 2021 report for 2023: no tables found"), e.getMessage());
        }
    }

    static String toFullWidth(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= '0' && c <= '9') || c == '(' || c == ')' || c == ',' || c == ':') {
                sb.append((char) (c + 0xFEE0));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
