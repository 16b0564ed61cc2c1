package cn.ogi.form.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EditionsTest {

    private final Editions editions = Editions.standard();

    @Test
    void loadsTheThreeStandardEditionsOnce() {
        assertEquals(
                List.of("legacy", "2019", "2021"),
                editions.all().stream().map(EditionDefinition::id).toList());
        assertSame(editions, Editions.standard());
    }

    @Test
    void theEditionIdsAreTheStandardEditions() {
        assertEquals(
                editions.ids(),
                java.util.Arrays.stream(EditionId.values()).map(EditionId::id).toList());
        for (EditionId id : EditionId.values()) {
            assertEquals(id.id(), editions.get(id).id());
            assertEquals(java.util.Optional.of(id), EditionId.fromId(id.id()));
        }
        assertTrue(EditionId.fromId("2030").isEmpty());
        assertTrue(EditionId.fromId(null).isEmpty());
    }

    @Test
    void unknownEditionIsRefusedNamingTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> editions.get("2030"));
        assertTrue(e.getMessage().contains("legacy") && e.getMessage().contains("2021"), e.getMessage());
        assertTrue(editions.find("2030").isEmpty());
    }

    @Test
    void picksTheEditionByYear() {
        assertEquals("legacy", editions.forYear(2011).id());
        assertEquals("legacy", editions.forYear(2018).id());
        assertEquals("2019", editions.forYear(2019).id());
        assertEquals("2019", editions.forYear(2020).id());
        assertEquals("2021", editions.forYear(2021).id());
        assertEquals("2021", editions.forYear(2035).id());
    }

    @Test
    void cellKeysAreTheFullDottedPaths() {
        EditionDefinition e2021 = editions.get("2021");
        CellDefinition cell =
                e2021.cell("applications.withheld.stateSecret.naturalPerson").orElseThrow();
        assertEquals("applications", cell.section());
        assertEquals("withheld.stateSecret", cell.row());
        assertEquals("naturalPerson", cell.column());
        assertEquals(CellType.COUNT, cell.type());
        assertTrue(cell.label().contains("属于国家秘密") && cell.label().contains("自然人"), cell.label());
        assertTrue(e2021.cell("activeDisclosure.rules.issued").isPresent());
        assertTrue(e2021.cell("reviews.reconsideration.pending").isPresent());
        assertEquals(
                CellType.AMOUNT,
                e2021.cell("processingFees.amountYuan").orElseThrow().type());
        assertEquals(
                null,
                editions.get("legacy").cell("legacy.granted").orElseThrow().column());
    }

    @Test
    void cellsComeInCanonicalOrder() {
        List<String> keys =
                editions.get("2019").cells().stream().map(CellDefinition::key).toList();
        assertEquals("activeDisclosure.rules.newlyMade", keys.get(0));
        assertTrue(keys.indexOf("applications.newReceived.total") < keys.indexOf("applications.granted.naturalPerson"));
        assertEquals("processingFees.notices", keys.get(keys.size() - 1));
    }

    @Test
    void requiredFlagsFollowTheFormat() {
        EditionDefinition e2021 = editions.get("2021");
        assertFalse(e2021.cell("applications.otherDisposal.noCorrection.total")
                .orElseThrow()
                .required());
        assertFalse(e2021.cell("applications.otherDisposal.unpaidFee.naturalPerson")
                .orElseThrow()
                .required());
        assertTrue(e2021.cell("applications.otherDisposal.other.total")
                .orElseThrow()
                .required());
        assertFalse(e2021.cell("processingFees.amountYuan").orElseThrow().required());
        assertTrue(editions.get("2019")
                .cell("activeDisclosure.licensing.change")
                .orElseThrow()
                .required());
        assertTrue(editions.get("legacy").cells().stream().noneMatch(CellDefinition::required));
    }

    @Test
    void edition2019ChangeIsSigned() {
        assertEquals(
                CellType.SIGNED_COUNT,
                editions.get("2019")
                        .cell("activeDisclosure.punishment.change")
                        .orElseThrow()
                        .type());
    }

    @Test
    void columnSetsAndRowsAreListedFromTheDefinition() {
        EditionDefinition e2019 = editions.get("2019");
        assertEquals(
                List.of("naturalPerson", "commercial", "research", "socialWelfare", "legalService", "other", "total"),
                e2019.columnKeys("applicant"));
        assertEquals(List.of("upheld", "corrected", "other", "pending", "total"), e2019.columnKeys("review"));
        assertEquals(
                List.of("reconsideration", "litigationDirect", "litigationAfterReconsideration"),
                e2019.rowKeys("reviews"));
        assertTrue(e2019.rowKeys("applications").contains("otherDisposal.other"));
        assertFalse(e2019.rowKeys("applications").contains("otherDisposal.noCorrection"));
    }

    @Test
    void wildcardsExpandOverDefinedRows() {
        assertEquals(
                List.of(
                        "applications.otherDisposal.noCorrection.total",
                        "applications.otherDisposal.unpaidFee.total",
                        "applications.otherDisposal.other.total"),
                editions.get("2021").expand("applications.otherDisposal.*.total"));
        assertEquals(
                List.of("applications.otherDisposal.other.total"),
                editions.get("2019").expand("applications.otherDisposal.*.total"));
    }
}
