package cn.ogi.reader.table;

import cn.ogi.form.edition.EditionDefinition;
import java.util.List;

/** One of the three tables of a report, read from the token stream of {@link TableReaders}. */
abstract sealed class ReportTable permits ActiveDisclosureTable, ApplicationsTable, ReviewsTable {

    final TableReaders tables;
    final EditionDefinition edition;
    final List<Token> tokens;
    final Regions regions;
    final CellBook book;

    ReportTable(TableReaders tables) {
        this.tables = tables;
        this.edition = tables.edition;
        this.tokens = tables.tokens;
        this.regions = tables.regions;
        this.book = tables.book;
    }

    /** Reads the table; returns the number of form rows found. */
    abstract int read();
}
