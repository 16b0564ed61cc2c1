package cn.ogi.web.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamedParametersTest {

    @Test
    void turnsEachNameIntoAPlaceholderInOrderAndRepeatsANameUsedTwice() {
        NamedParameters parsed = NamedParameters.parse(
                "SELECT * FROM report WHERE (CAST(:year AS integer) IS NULL OR year = :year) AND agency_code = :agency");
        assertEquals(
                "SELECT * FROM report WHERE (CAST(? AS integer) IS NULL OR year = ?) AND agency_code = ?",
                parsed.jdbc());
        assertEquals(List.of("year", "year", "agency"), parsed.names());
    }

    @Test
    void leavesCastsQuotedTextIdentifiersAndCommentsAlone() {
        String sql = """
                SELECT x::text, ':not' AS "a:b", 'it''s :no' -- :comment
                /* :block */ FROM t WHERE id = :id_1""";
        NamedParameters parsed = NamedParameters.parse(sql);
        assertEquals(sql.replace(":id_1", "?"), parsed.jdbc());
        assertEquals(List.of("id_1"), parsed.names());
    }

    @Test
    void aStatementWithoutNamesIsUnchanged() {
        NamedParameters parsed = NamedParameters.parse("SELECT a[1:2] FROM t");
        assertEquals("SELECT a[1:2] FROM t", parsed.jdbc());
        assertEquals(List.of(), parsed.names());
    }
}
