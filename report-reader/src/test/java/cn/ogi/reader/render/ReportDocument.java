package cn.ogi.reader.render;

import cn.ogi.form.model.AnnualReport;
import cn.ogi.form.model.Narrative;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A report as a sequence of printed parts — title, headings, paragraphs, the three tables, the signature and date —
 * in the order of the State Council form. Renderers serialise this; it is the same for every form of a case.
 */
public record ReportDocument(List<Part> parts) {

    public sealed interface Part permits Title, Heading, Paragraph, Table {}

    public record Title(String text) implements Part {}

    public record Heading(String text) implements Part {}

    public record Paragraph(String text) implements Part {}

    public record Table(Grid grid) implements Part {}

    public ReportDocument {
        parts = List.copyOf(parts);
    }

    public static ReportDocument of(GeneratedReport r, TableStyle style) {
        AnnualReport t = r.truth();
        Narrative n = t.narrative();
        PrintHabits.Wording words = r.habits().wording();
        List<Part> parts = new ArrayList<>();
        parts.add(new Title(title(t)));
        parts.add(new Paragraph(FormText.INTRO + "本报告所列数据统计期限为" + t.year() + "年1月1日至" + t.year() + "年12月31日。"));
        parts.add(new Heading(words.heading(FormText.SECTION_1)));
        parts.add(new Paragraph(n.overview()));
        parts.add(new Heading(words.heading(FormText.SECTION_2)));
        table(parts, r, TableGrids.activeDisclosure(r, style));
        parts.add(new Heading(words.heading(FormText.SECTION_3)));
        table(parts, r, TableGrids.applications(r, style));
        parts.add(new Heading(words.heading(FormText.SECTION_4)));
        table(parts, r, TableGrids.reviews(r));
        parts.add(new Heading(words.heading(FormText.SECTION_5)));
        parts.add(new Paragraph(n.problems()));
        parts.add(new Heading(words.heading(FormText.SECTION_6)));
        parts.add(new Paragraph(n.other()));
        parts.add(new Paragraph(t.agencyName()));
        if (t.publishedOn() != null) {
            parts.add(new Paragraph(date(t.publishedOn())));
        }
        return new ReportDocument(parts);
    }

    /** A table as the agency prints it: its header again after a page break, notes above and under it. */
    private static void table(List<Part> parts, GeneratedReport r, Grid grid) {
        PrintHabits habits = r.habits();
        String above = TableNotes.above(grid.section(), habits.notes());
        if (above != null) {
            parts.add(new Paragraph(above));
        }
        boolean crossesPages = !grid.section().equals(FormVocabulary.REVIEWS);
        parts.add(new Table(
                habits.repeatsHeaders() && crossesPages ? grid.withHeaderRepeated(habits.repeatedHeaderAt()) : grid));
        String below = TableNotes.below(
                grid.section(), habits.notes(), r.truth().year(), 1 + (int) Math.floorMod(r.seed(), 9L));
        if (below != null) {
            parts.add(new Paragraph(below));
        }
    }

    public static String title(AnnualReport t) {
        return t.agencyName() + t.year() + "年政府信息公开工作年度报告";
    }

    public static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    public List<Grid> tables() {
        return parts.stream()
                .filter(p -> p instanceof Table)
                .map(p -> ((Table) p).grid())
                .toList();
    }
}
