package cn.ogi.reader.table;

import cn.ogi.form.edition.EditionDefinition;
import cn.ogi.reader.TablePlace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the three tables of an edition 2019/2021 report from the token stream: Table 1 (主动公开) row by row by its
 * labels, Table 2 (申请) by aligning the printed rows with the form's rows in order, Table 3 (复议、诉讼) as the
 * fifteen numbers after its header; Tables 2 and 3 are then read jointly under their rules.
 */
public final class TableReaders {

    static final String ACTIVE = "activeDisclosure";
    static final String APPLICATIONS = "applications";
    static final String REVIEWS = "reviews";

    final EditionDefinition edition;
    final List<Token> tokens;
    final Regions regions;
    final CellBook book;
    final boolean invisibleBlanks;
    /** Whether positions place numbers in columns, judged once from Table 2's rows (null until asked). */
    private Boolean columnsPlaced;

    final boolean measuredPositions;
    private final List<TablePlace> places = new ArrayList<>();

    /**
     * @param invisibleBlanks   the source does not show empty cells (text layouts, one-line scrapes, PDF)
     * @param measuredPositions the tokens' positions are measured on the page (a PDF's text layer), not character
     *                          columns of a text: only then does a header place Table 1's numbers, which no rule
     *                          checks (a text's header may be spaced on its own, and a conversion that splits a
     *                          number in two makes a row look full and lined up)
     */
    public TableReaders(
            EditionDefinition edition,
            List<Token> tokens,
            Regions regions,
            CellBook book,
            boolean invisibleBlanks,
            boolean measuredPositions) {
        this.edition = edition;
        this.tokens = List.copyOf(tokens);
        this.regions = regions;
        this.book = book;
        this.invisibleBlanks = invisibleBlanks;
        this.measuredPositions = measuredPositions;
    }

    /** Reads every table found; returns the number of form rows found. */
    public int read() {
        return new ActiveDisclosureTable(this).read()
                + new ApplicationsTable(this).read()
                + new ReviewsTable(this).read();
    }

    public List<TablePlace> places() {
        return List.copyOf(places);
    }

    /** The compact labels of the applicant columns (自然人, 商业企业 …), from the edition's column set. */
    static List<String> columnLabels(List<RowSpec> specs) {
        return specs.get(0).cells().stream().map(CellSpec::column).toList();
    }

    /** The edition's equations over the cells of {@code specs}. */
    List<Equation> equations(List<RowSpec> specs) {
        Set<String> present = new LinkedHashSet<>();
        for (RowSpec s : specs) {
            present.addAll(s.cellKeys());
        }
        return Equation.of(edition, present);
    }

    /** Records where a table is: the page of its first printed row matched. */
    void place(String section, List<ObservedRow> matched) {
        for (ObservedRow r : matched) {
            if (r != null) {
                place(section, r.page());
                return;
            }
        }
    }

    /** Records where a table is: its page (0: not known). */
    void place(String section, int page) {
        places.add(new TablePlace(section, page > 0 ? page : null));
    }

    /** A reader of one table's matched rows into the book. */
    TableReader tableReader() {
        return new TableReader(book, invisibleBlanks, columnsPlaced());
    }

    /**
     * Whether the layout's positions can place numbers in columns: not in a text whose Table 2 rows print their
     * numbers where their labels end ({@link FullRows#followLabels}) — a table copied with gaps between its cells,
     * whose empty cells are gone.
     */
    private boolean columnsPlaced() {
        if (columnsPlaced == null) {
            columnsPlaced = regions.t2() < 0
                    || !FullRows.followLabels(
                            ObservedRow.of(tokens, regions.t2(), regions.t2End()),
                            RowSpec.of(edition, APPLICATIONS).get(0).cells().size());
        }
        return columnsPlaced;
    }
}
