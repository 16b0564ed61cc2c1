package cn.ogi.form.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The indicators declared in the edition files: loaded into records, checked against the edition's cells. */
class IndicatorDefinitionTest {

    private final Editions editions = Editions.standard();

    @Test
    void theTableEditionsDeclareTheRatiosOfReportFormat() {
        for (String id : List.of("2019", "2021")) {
            List<String> keys = editions.get(id).indicators().stream()
                    .map(IndicatorDefinition::key)
                    .toList();
            assertEquals(11, keys.size(), id + ": " + keys);
            assertEquals("disclosureRate", keys.get(0));
            assertTrue(keys.contains("withheldShare.stateSecret"), keys.toString());
            assertTrue(
                    keys.containsAll(List.of("reconsiderationCorrectionRate", "litigationLossRate")), keys.toString());
        }
        assertEquals(List.of(), editions.get("legacy").indicators());
    }

    @Test
    void anIndicatorIsANumeratorAndADenominatorOverCells() {
        IndicatorDefinition disclosure = editions.get("2021").indicators().get(0);

        assertEquals("公开率（予以公开与部分公开占总计）", disclosure.label());
        assertEquals("column", disclosure.variable());
        assertEquals(editions.get("2021").columnKeys("applicant"), disclosure.values());
        Map<String, String> naturalPerson = Map.of("column", "naturalPerson");
        assertEquals(
                List.of("applications.granted.naturalPerson", "applications.partiallyGranted.naturalPerson"),
                disclosure.numerator().bind(naturalPerson).terms().stream()
                        .map(Expression.Term::reference)
                        .toList());
        assertEquals(
                List.of("applications.totalProcessed.naturalPerson"),
                disclosure.denominator().bind(naturalPerson).terms().stream()
                        .map(Expression.Term::reference)
                        .toList());
        IndicatorDefinition loss = editions.get("2019").indicators().get(10);
        assertEquals("litigationLossRate", loss.key());
        assertEquals(null, loss.variable());
        assertEquals(6, loss.denominator().terms().size());
    }

    @Test
    void anIndicatorNamingACellThatDoesNotExistFailsAtLoad() {
        var e = assertThrows(IllegalStateException.class, () -> Editions.load(List.of("indicator-typo.json")));

        assertTrue(e.getMessage().contains("grantedShare") && e.getMessage().contains("legacy.grantd"), e.getMessage());
    }

    @Test
    void aLiteralOrAPreviousYearTermIsNotACellOfTheReport() {
        EditionDefinition e2021 = editions.get("2021");
        IndicatorDefinition odd = new IndicatorDefinition(
                "odd",
                "odd",
                null,
                List.of(),
                Expression.parse("prev:reviews.reconsideration.corrected"),
                Expression.parse("reviews.reconsideration.total + 1"));
        EditionDefinition withOdd = new EditionDefinition(
                "odd",
                null,
                null,
                null,
                Map.of("review", e2021.columnSet("review")),
                e2021.sections(),
                List.of(),
                List.of(odd, odd));

        List<String> problems = DefinitionCheck.problems(withOdd);

        // per instance: the prev: term and the literal; the second instance is also defined twice
        assertEquals(5, problems.size(), problems.toString());
        assertEquals(
                1, problems.stream().filter(p -> p.contains("defined twice")).count(), problems.toString());
    }
}
