package cn.ogi.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.form.model.AnnualReport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Behaviour of the reader on synthetic report texts written for these tests (the forms of {@link SyntheticReport}). */
class SyntheticReportsTest {

    private final PublishedReportReader reader = new PublishedReportReader();

    private Reading read(String text, ReadHints hints) {
        return reader.read(PublishedSource.text(text), hints);
    }

    private Reading parse(SyntheticReport r) {
        return read(r.text(), ReadHints.none());
    }

    private static BigDecimal cell(Reading o, String key) {
        return o.report().cells().value(key).orElse(null);
    }

    private static void assertCell(Reading o, String key, String expected) {
        BigDecimal got = cell(o, key);
        assertTrue(
                got != null && got.compareTo(new BigDecimal(expected)) == 0,
                key + ": expected " + expected + ", got " + got);
    }

    private static void assertRow(Reading o, String row, String... values) {
        String[] cols = {"naturalPerson", "commercial", "research", "socialWelfare", "legalService", "other", "total"};
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                assertNull(cell(o, "applications." + row + "." + cols[i]), row + "." + cols[i]);
            } else {
                assertCell(o, "applications." + row + "." + cols[i], values[i]);
            }
        }
    }

    private static boolean noted(Reading o, String kind, String cell) {
        return o.notes().stream()
                .anyMatch(n -> n.kind().equals(kind) && n.cells().contains(cell));
    }

    private static Provenance provenance(Reading o, String cell) {
        return o.cells().get(cell).provenance();
    }

    private void assertNoErrors(Reading o) {
        assertEquals(List.of(), reader.findings(o));
    }

    private static void assertStandardTables(Reading o) {
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
            Reading o = parse(SyntheticReport.edition2021());

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
        void readsATextTakenCellByCellEachNumberOnALineOfItsOwn() {
            // pdftotext without -layout, or a scrape ending every cell with a line break (an empty line between)
            String byCells = SyntheticReport.edition2021().text().replaceAll("[ \\t]*\\|[ \\t]*", "\n\n");

            Reading o = read(byCells, ReadHints.none());

            assertStandardTables(o);
            assertCell(o, "activeDisclosure.normativeDocuments.inForce", "12");
            assertCell(o, "activeDisclosure.licensing.decisions", "396");
            assertNoErrors(o);
        }

        @Test
        void readsPdftotextColumnsWithWrappedLabelsVerticalGroupLabelsAndPageFooters() {
            Reading o = parse(SyntheticReport.edition2021().layout(SyntheticReport.Layout.PDF));

            assertStandardTables(o);
            assertCell(o, "activeDisclosure.punishment.decisions", "57");
            assertNoErrors(o);
        }

        @Test
        void splitsCellsRunTogetherUsingTheTablesOwnSums() {
            Reading o = parse(SyntheticReport.edition2021().layout(SyntheticReport.Layout.RUN_TOGETHER));

            assertRow(o, "newReceived", "5", "1", "0", "0", "1", "0", "7");
            assertRow(o, "partiallyGranted", "1", "0", "0", "0", "0", "0", "1");
            assertRow(o, "unavailable.notHeld", "1", "0", "0", "0", "1", "0", "2");
            assertRow(o, "carriedForward", "1", "0", "0", "0", "0", "0", "1");
            assertTrue(noted(o, ReadNote.SPLIT_BY_CONSTRAINT, "applications.newReceived.total"));
        }

        @Test
        void leavesTable3RunTogetherUnknownWhereABlankCellCouldStandAnywhere() {
            // "100120100100000": fifteen digits for fifteen cells, but a blank cell that does not show could turn
            // "1 0" into "10" (0+10+0+blank = 10 balances too); Table 3's only rules are inside each group
            Reading o = parse(SyntheticReport.edition2021().layout(SyntheticReport.Layout.RUN_TOGETHER));

            String[] printed = {"1", "0", "0", "1", "2", "0", "1", "0", "0", "1", "0", "0", "0", "0", "0"};
            String[] groups = {"reconsideration", "litigationDirect", "litigationAfterReconsideration"};
            String[] fields = {"upheld", "corrected", "other", "pending", "total"};
            for (int i = 0; i < printed.length; i++) {
                String key = "reviews." + groups[i / 5] + "." + fields[i % 5];
                BigDecimal v = cell(o, key);
                assertTrue(v == null || v.compareTo(new BigDecimal(printed[i])) == 0, key + " read " + v);
                if (v == null) {
                    assertEquals(Unknown.AMBIGUOUS, o.cells().get(key).unknown(), key);
                }
            }
        }

        @Test
        void leavesATable1RowRunTogetherWithItsLabelUnknownWithItsCandidatesWhenNoRuleTellsTheSplit() {
            SyntheticReport r = SyntheticReport.edition2019();
            r.post = t -> t.replace("行政许可 | 10 | +3 | 13", "行政许可396442278");

            Reading o = parse(r);

            for (String cell : List.of("previousYearItems", "change", "decisions")) {
                CellReading c = o.cells().get("activeDisclosure.licensing." + cell);
                assertNull(c.value(), cell);
                assertEquals(Unknown.AMBIGUOUS, c.unknown(), cell);
                assertFalse(c.candidates().isEmpty(), cell);
            }
            assertTrue(noted(o, ReadNote.AMBIGUOUS, "activeDisclosure.licensing.change"));
        }

        @Test
        void splitsATable1RowRunTogetherWhenEveryReadingAgrees() {
            SyntheticReport r = SyntheticReport.edition2019();
            r.post = t -> t.replace("规章 | 0 | 0 | 0", "规章000");

            Reading o = parse(r);

            assertCell(o, "activeDisclosure.rules.newlyMade", "0");
            assertCell(o, "activeDisclosure.rules.totalPublished", "0");
            assertEquals(Provenance.SPLIT_BY_CONSTRAINT, provenance(o, "activeDisclosure.rules.newlyPublished"));
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

            Reading o = parse(r);

            assertEquals("青禾县交通运输局", o.report().agencyName());
            assertStandardTables(o);
            assertNoErrors(o);
        }

        @Test
        void readsFullWidthDigitsPunctuationAndIdeographicCommaNumbering() {
            SyntheticReport r = SyntheticReport.edition2021().layout(SyntheticReport.Layout.PDF);
            r.post = t -> toFullWidth(t).replace("1.", "1、").replace("2.", "2、");

            Reading o = parse(r);

            assertStandardTables(o);
            assertEquals(2022, o.report().year());
        }

        @Test
        void matchesLabelsWithTyposAndNotesTheFuzzyMatch() {
            SyntheticReport r = SyntheticReport.edition2021()
                    .row("withheld.prohibitedByLaw", "2", "0", "0", "0", "0", "0", "2")
                    .row("granted", "1", "1", "0", "0", "0", "0", "2");
            r.post = t -> t.replace("其他法律行政法规禁止公开", "其他法律行政止公开").replace("行政复议", "行政法复议");

            Reading o = parse(r);

            assertRow(o, "withheld.prohibitedByLaw", "2", "0", "0", "0", "0", "0", "2");
            assertTrue(noted(o, ReadNote.FUZZY_LABEL, "applications.withheld.prohibitedByLaw.total"));
            assertCell(o, "reviews.reconsideration.total", "2");
        }
    }

    @Nested
    class BlankAndMissingNumbers {

        @Test
        void readsABlankCellInAPrintedRowAsPrintedBlankWhichTheRulesCountAsZero() {
            Reading o = parse(SyntheticReport.edition2021()
                    .row("granted", "4", "", "0", "0", "0", "0", "4")
                    .row("newReceived", "6", "0", "0", "0", "1", "0", "7")
                    .row("totalProcessed", "6", "0", "0", "0", "1", "0", "7"));

            assertTrue(o.report().cells().has("applications.granted.commercial"));
            assertNull(cell(o, "applications.granted.commercial"));
            assertEquals(Provenance.BLANK_AS_PRINTED, provenance(o, "applications.granted.commercial"));
            assertTrue(noted(o, ReadNote.BLANK_CELL, "applications.granted.commercial"));
            assertNoErrors(o);
        }

        @Test
        void recordsATable1RowPrintedWithoutNumbersAsNotStated() {
            SyntheticReport r = SyntheticReport.edition2019();
            r.table1.put("其他对外管理服务事项", List.of("", "", ""));

            Reading o = parse(r);

            assertTrue(o.report().cells().has("activeDisclosure.otherExternalServices.decisions"));
            assertNull(cell(o, "activeDisclosure.otherExternalServices.decisions"));
            assertTrue(noted(o, ReadNote.BLANK_ROW, "activeDisclosure.otherExternalServices.change"));
        }

        @Test
        void readsATable3PrintedAsItsHeaderAloneBeforeTheNextSectionAsBlankAndOneCutOffAfterItsHeaderAsNotFound() {
            SyntheticReport r = SyntheticReport.edition2021().layout(SyntheticReport.Layout.PDF);
            r.table3 = List.of();

            Reading blank = parse(r);

            for (String cell :
                    List.of("reviews.reconsideration.upheld", "reviews.litigationAfterReconsideration.total")) {
                assertTrue(blank.report().cells().has(cell), cell);
                assertNull(cell(blank, cell), cell);
                assertEquals(Provenance.BLANK_AS_PRINTED, provenance(blank, cell), cell);
                assertTrue(noted(blank, ReadNote.BLANK_CELL, cell), cell);
            }
            assertRow(blank, "newReceived", "5", "1", "0", "0", "1", "0", "7");

            // the text ends in Table 3's header: its numbers may have been cut off, so nothing is read — and every
            // cell says why, none is silently absent
            r.post = text -> text.substring(0, text.indexOf("五、存在的主要问题"));
            Reading cut = parse(r);

            CellReading total = cut.cells().get("reviews.reconsideration.total");
            assertNotNull(total, "a cell nothing read still has a reading that says why");
            assertFalse(total.known());
            assertEquals(Unknown.NOT_FOUND, total.unknown());
            assertFalse(
                    cut.report().cells().value("reviews.reconsideration.total").isPresent());
        }

        /**
         * A one-line scrape of a Table 3 printed as its header alone: the next section's heading is in the header's
         * own text (…尚未审结总计五、存在的主要问题…), and the fee of section 六 is the first number after it — not
         * Table 3's (before, its fifteen cells were unreadable as the printed 1944.5元).
         */
        @Test
        void readsATable3PrintedAsItsHeaderAloneBlankWhenTheFeeFurtherOnIsTheFirstNumberAfterIt() {
            SyntheticReport r = SyntheticReport.edition2021().layout(SyntheticReport.Layout.RUN_TOGETHER);
            r.table3 = List.of();
            r.feeSentence = "本年度共收取信息处理费1944.5元。";
            r.post = text -> text.replace("\n", "").replaceAll(" +", " "); // the header's words one piece

            Reading o = parse(r);

            for (String cell :
                    List.of("reviews.reconsideration.upheld", "reviews.litigationAfterReconsideration.total")) {
                assertEquals(Provenance.BLANK_AS_PRINTED, provenance(o, cell), cell);
            }
            assertCell(o, "processingFees.amountYuan", "1944.5");
        }

        @Test
        void keepsPrintOrderAndLeavesTheLastCellBlankWhenANumberIsMissingAndNothingTellsWhere() {
            SyntheticReport r = SyntheticReport.edition2021();
            r.table3 = List.of("0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0");

            Reading o = parse(r);

            // the scrape's padding after the row may be the blank cell or not: either way it is not a number
            assertNull(cell(o, "reviews.litigationAfterReconsideration.total"));
            assertCell(o, "reviews.litigationAfterReconsideration.pending", "0");
        }

        @Test
        void placesTheGapWhereTheColumnSumsShowItNeverShiftingNumbers() {
            // pdf layout: the blank cell is invisible, so "1 0 0 0 1 2" could be any six of the seven cells; the
            // column sums place the gap, unless the positions (the 2 printed under 其他) keep a second reading
            // alive — one misprinted total would explain it — and then the two cells they disagree on are unknown
            SyntheticReport r = SyntheticReport.edition2021()
                    .layout(SyntheticReport.Layout.PDF)
                    .row("unavailable.notHeld", "1", "0", "0", "0", "1", "", "2");

            Reading o = parse(r);

            assertCell(o, "applications.unavailable.notHeld.legalService", "1");
            assertNull(cell(o, "applications.unavailable.notHeld.other"));
            CellReading other = o.cells().get("applications.unavailable.notHeld.other");
            CellReading total = o.cells().get("applications.unavailable.notHeld.total");
            assertTrue(
                    other.provenance() == Provenance.BLANK_AS_PRINTED
                            || (other.unknown() == Unknown.AMBIGUOUS
                                    && other.candidates().contains(java.math.BigDecimal.ZERO)),
                    other.toString());
            assertTrue(
                    (total.known() && total.value().intValue() == 2)
                            || (total.unknown() == Unknown.AMBIGUOUS
                                    && total.candidates().contains(java.math.BigDecimal.valueOf(2))),
                    total.toString());
        }
    }

    @Nested
    class EditionsAndYears {

        @Test
        void detectsEdition2019FromItsTable1Headers() {
            Reading o = parse(SyntheticReport.edition2019());

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

            Reading o = parse(r);

            assertEquals("2021", o.edition());
            assertTrue(o.notes().stream().anyMatch(n -> n.kind().equals(ReadNote.EDITION_DETECTED)));
        }

        @Test
        void aYearHintOverridesTheTitleAndTheDisagreementIsNoted() {
            Reading o = read(SyntheticReport.edition2021().text(), new ReadHints("11370000MB1234567X", 2021));

            assertEquals(2021, o.report().year());
            assertEquals("11370000MB1234567X", o.report().agencyCode());
            assertTrue(o.notes().stream()
                    .filter(n -> n.kind().equals(ReadNote.YEAR_DETECTED))
                    .anyMatch(n -> n.message().contains("2022")));
        }

        @Test
        void recordsAnEdition2021OtherDisposalPrintedAsOneRowAsOtherOnly() {
            SyntheticReport r = SyntheticReport.edition2021()
                    .row("otherDisposal.other", "1", "0", "0", "0", "0", "0", "1")
                    .row("totalProcessed", "6", "1", "0", "0", "1", "0", "8")
                    .row("newReceived", "6", "1", "0", "0", "1", "0", "8");
            r.mergedOtherDisposal = true;

            Reading o = parse(r);

            assertRow(o, "otherDisposal.other", "1", "0", "0", "0", "0", "0", "1");
            assertFalse(o.report().cells().has("applications.otherDisposal.noCorrection.naturalPerson"));
            assertFalse(o.report().cells().has("applications.otherDisposal.unpaidFee.total"));
            assertTrue(noted(o, ReadNote.MERGED_ROW, "applications.otherDisposal.other"));
        }
    }

    @Nested
    class AmountsAndFees {

        @Test
        void convertsAnAmountInYuanToTheCellsUnitOfTenThousandYuan() {
            Reading o = parse(SyntheticReport.edition2019());

            assertCell(o, "activeDisclosure.centralizedProcurement.amountWan", "25.1");
            assertTrue(noted(o, ReadNote.UNIT_CONVERTED, "activeDisclosure.centralizedProcurement.amountWan"));
        }

        @Test
        void keepsAnAmountInTenThousandYuanAndNotesAnApproximateOne() {
            SyntheticReport r = SyntheticReport.edition2019();
            r.table1.put("政府集中采购", List.of("3", "1007.25万元"));
            r.table1.put("行政事业性收费", List.of("2", "0"));
            assertCell(parse(r), "activeDisclosure.centralizedProcurement.amountWan", "1007.25");

            r.table1.put("政府集中采购", List.of("3", "1900余万元"));
            Reading o = parse(r);
            assertCell(o, "activeDisclosure.centralizedProcurement.amountWan", "1900");
            assertTrue(noted(o, ReadNote.APPROXIMATE_AMOUNT, "activeDisclosure.centralizedProcurement.amountWan"));
        }

        @Test
        void readsTheProcessingFeeSentence() {
            SyntheticReport r = SyntheticReport.edition2021();
            r.feeSentence = "2022年,本局全年收取政府信息公开信息处理费 3940 元。";
            assertCell(parse(r), "processingFees.amountYuan", "3940");

            r.feeSentence = "2022年,本局未收取政府信息依申请公开信息处理费。";
            assertCell(parse(r), "processingFees.amountYuan", "0");

            r.feeSentence = "2022年,本局未发生收取信息处理费的情况。";
            assertCell(parse(r), "processingFees.amountYuan", "0");

            r.feeSentence = "本年度没有产生信息处理费。";
            assertCell(parse(r), "processingFees.amountYuan", "0");

            // a sentence wrapped in the middle of its words, as a text layout prints a paragraph
            r.feeSentence = "2022年,依据《政府信息公开信息处理费管理办法》,共收取信息\n处理费2444.5元。";
            assertCell(parse(r), "processingFees.amountYuan", "2444.5");

            r.feeSentence = "2022年,本局未收取信\n息处理费。";
            assertCell(parse(r), "processingFees.amountYuan", "0");

            r.feeSentence = "申请人逾期未按收费通知要求缴纳信息处理费的,不再处理。";
            assertFalse(
                    parse(r).report().cells().value("processingFees.amountYuan").isPresent(),
                    "a sentence about unpaid fees says nothing about the fees charged");

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
            Reading o = read(LEGACY, ReadHints.none());

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
        void readsThousandsSeparatorsLongApplicantPhrasesFeeTotalsAndAnApplicationsSentenceUnderItsHeading() {
            String text = LEGACY.replace("全年主动公开政府信息共三百二十条", "全年主动公开政府信息 1,056 条")
                    .replace(
                            "全年共收到政府信息公开申请两项,其中同意公开1件,同意部分公开1件。",
                            "全年共受理申请12件,其中当面申请10件。\n我局共收到公民、法人和其他组织提出的政府信息公开申请23件。")
                    .replace("本年度未收取任何费用。", "本年度收取检索、复制、邮寄等费用共计120元。");

            Reading o = read(text, ReadHints.none());

            assertCell(o, "legacy.activelyDisclosed", "1056");
            // the sentence right under 二、依申请公开情况 counts though it does not say 公开 itself
            assertCell(o, "legacy.applicationsReceived", "12");
            assertCell(o, "legacy.feesYuan", "120");
        }

        @Test
        void aListOfReviewCountsGivesEachItsOwnNumberAndReviewWordsInTheProseAreNoTable() {
            // 行政复议 … 审结 in a legacy report's prose is no Table 3: the report is read from its prose
            String text = LEGACY.replace("本年度没有发生因政府信息公开引发的行政复议和行政诉讼。", "本年度发生行政复议案件2件、行政诉讼案件1件，均已审结。");

            Reading o = read(text, ReadHints.none());

            assertEquals("legacy", o.edition());
            assertCell(o, "legacy.reconsiderations", "2");
            assertCell(o, "legacy.lawsuits", "1"); // not the 2 before 、行政诉讼
            assertCell(o, "legacy.applicationsReceived", "2");
            String reversed = LEGACY.replace("本年度没有发生因政府信息公开引发的行政复议和行政诉讼。", "本年度被提起行政诉讼3件和行政复议1件。");
            Reading r = read(reversed, ReadHints.none());
            assertCell(r, "legacy.reconsiderations", "1");
            assertCell(r, "legacy.lawsuits", "3");
        }

        /** The national template's 政府信息公开情况统计表 before 2019: 统计指标 | 单位 | 统计数. */
        private static final String TEMPLATE_TABLE = """
                某市住房和城乡建设局2017年政府信息公开工作年度报告
                一、概述
                2017年，我局认真贯彻落实《条例》。
                附件：政府信息公开情况统计表（2017年度）
                | 统 计 指 标 | 单位 | 统计数 |
                | 一、主动公开情况 | | |
                | （一）主动公开政府信息数 | 条 | 356 |
                | 其中：主动公开规范性文件数 | 条 | 12 |
                | 三、依申请公开情况 | | |
                | （一）收到申请数 | 件 | 23 |
                | 1.当面申请数 | 件 | 5 |
                | （三）申请答复数 | 件 | 23 |
                | 1.属于已主动公开范围数 | 件 | 4 |
                | 2.同意公开答复数 | 件 | 10 |
                | 3.同意部分公开答复数 | 件 | 2 |
                | 4.不同意公开答复数 | 件 | 3 |
                | 四、行政复议数量 | 件 | 1 |
                | 五、行政诉讼数量 | 件 | 0 |
                | 七、依申请公开信息收取的费用 | 万元 | 0.12 |
                """;

        @Test
        void readsTheNationalTemplatesStatisticsTableWithItsFeeInWanYuan() {
            Reading o = read(TEMPLATE_TABLE, ReadHints.none());

            assertEquals("legacy", o.edition());
            assertCell(o, "legacy.activelyDisclosed", "356");
            assertCell(o, "legacy.applicationsReceived", "23"); // not the 5 applications made in person
            assertCell(o, "legacy.granted", "10");
            assertCell(o, "legacy.partiallyGranted", "2");
            assertCell(o, "legacy.withheld", "3"); // 不同意公开
            assertCell(o, "legacy.reconsiderations", "1");
            assertCell(o, "legacy.lawsuits", "0");
            assertCell(o, "legacy.feesYuan", "1200");
        }

        @Test
        void theTemplatesPartsOfAFigureAreNeverTakenForIt() {
            String text = TEMPLATE_TABLE.replace("| （一）主动公开政府信息数 | 条 | 356 |\n", "");

            Reading o = read(text, ReadHints.none());

            // neither 其中：主动公开规范性文件数 (12) nor 属于已主动公开范围数 (4) is the year's proactive disclosures
            assertEquals(
                    null, o.report().cells().value("legacy.activelyDisclosed").orElse(null));
        }

        @Test
        void noApplicationsReceivedFromApplicantsNamedAtLengthIsZero() {
            String text = LEGACY.replace("全年共收到政府信息公开申请两项,其中同意公开1件,同意部分公开1件。", "本年度我局没有收到公民、法人和其他组织提出的政府信息公开申请。");

            Reading o = read(text, ReadHints.none());

            assertCell(o, "legacy.applicationsReceived", "0");
        }

        @Test
        void readsApplicationsHandledAndFeesNotChargedInLongerWords() {
            String text = LEGACY.replace("全年共收到政府信息公开申请两项,其中同意公开1件,同意部分公开1件。", "全年共办理依申请公开事项8件,全部按时予以答复。")
                    .replace("本年度未收取任何费用。", "本年度未收取政府信息公开相关费用。");

            Reading o = read(text, ReadHints.none());

            assertCell(o, "legacy.applicationsReceived", "8");
            assertCell(o, "legacy.feesYuan", "0");
        }

        @Test
        void readsApplicantsNamedAtLengthBeforeTheWordApplication() {
            String text = LEGACY.replace("全年共收到政府信息公开申请两项,", "全年共收到公民、法人和其他组织提出的政府信息公开申请23件,");

            Reading o = read(text, ReadHints.none());

            assertCell(o, "legacy.applicationsReceived", "23");
        }

        @Test
        void doesNotTakeConsultationsOrApprovalsForDisclosureApplications() {
            String text =
                    LEGACY.replace("全年共收到政府信息公开申请两项,其中同意公开1件,同意部分公开1件。", "全年受理群众咨询5宗,办理行政审批事项申请120件,均已办结,做到信息公开。");

            Reading o = read(text, ReadHints.none());

            assertNull(cell(o, "legacy.applicationsReceived"));
            assertEquals(
                    Unknown.NOT_FOUND,
                    o.cells().get("legacy.applicationsReceived").unknown());
        }

        @Test
        void readsTheYearColumnOfAStatisticsTableAndLeavesDigitsRunTogetherAlone() {
            String table = """

                    统计指标 | 本年数 | 累计数 |
                    主动公开政府信息(条) | 320 | 4560 |
                    收到政府信息公开申请(件) | 2 | 17 |
                    不予公开(件) | 0 | 3 |
                    行政复议(件) | 04 |
                    """;
            String prose = LEGACY.replace("全年主动公开政府信息共三百二十条。", "全年稳步推进主动公开。")
                    .replace("全年共收到政府信息公开申请两项,其中同意公开1件,同意部分公开1件。", "依申请公开情况见下表。");
            Reading o = read(prose.replace("三、收费及减免情况", table + "三、收费及减免情况"), ReadHints.none());

            assertCell(o, "legacy.activelyDisclosed", "320");
            assertCell(o, "legacy.applicationsReceived", "2");
            assertCell(o, "legacy.withheld", "0");
            assertNull(cell(o, "legacy.granted"));
            assertCell(o, "legacy.reconsiderations", "0"); // from the prose; "04" tells no column
        }

        @Test
        void leavesAFigureUnknownWhereTheProseAndTheTableDisagree() {
            String table = "\n指标 | 本年 | 累计 |\n收到政府信息公开申请 | 3 | 17 |\n";
            Reading o = read(LEGACY.replace("三、收费及减免情况", table + "三、收费及减免情况"), ReadHints.none());

            assertNull(cell(o, "legacy.applicationsReceived"));
            assertEquals(
                    Unknown.AMBIGUOUS,
                    o.cells().get("legacy.applicationsReceived").unknown());
        }

        @Test
        void leavesWhatTheProseDoesNotStateNull() {
            Reading o = read(LEGACY, ReadHints.none());

            assertNull(cell(o, "legacy.withheld"));
            assertTrue(noted(o, ReadNote.NOT_FOUND, "legacy.withheld"));
            assertEquals(Unknown.NOT_FOUND, o.cells().get("legacy.withheld").unknown());
        }
    }

    @Nested
    class UnreadableTexts {

        @Test
        void refusesAnEmptyText() {
            UnreadableReportException e = assertThrows(UnreadableReportException.class, () -> read("  \n ", null));
            assertTrue(e.getMessage().contains("empty"));
        }

        @Test
        void rejectsATextThatIsNotAReport() {
            UnreadableReportException e = assertThrows(
                    UnreadableReportException.class, () -> read("今天天气很好,我们去公园散步。\n明天再说。", ReadHints.none()));
            assertTrue(
                    e.getMessage().contains("not a government information disclosure annual report"), e.getMessage());
        }

        @Test
        void rejectsATableEditionReportWhoseTablesAreMissingAndSaysWhatWasLookedFor() {
            String text = "青禾县交通运输局2023年政府信息公开工作年度报告\n一、总体情况\n本局稳步推进政务公开。\n";
            UnreadableReportException e =
                    assertThrows(UnreadableReportException.class, () -> read(text, ReadHints.none()));
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
