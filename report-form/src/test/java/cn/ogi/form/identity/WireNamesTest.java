package cn.ogi.form.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The registry's words as constants: read from their wire values, and back. */
class WireNamesTest {

    @Test
    void agencyKindsAreGovernmentAndDepartment() {
        assertEquals(List.of("government", "department"), AgencyKind.wireNames());
        assertEquals(Optional.of(AgencyKind.DEPARTMENT), AgencyKind.fromWire("department"));
        assertEquals("government", AgencyKind.GOVERNMENT.wireName());
        assertTrue(AgencyKind.fromWire("Department").isEmpty());
        assertTrue(AgencyKind.fromWire(null).isEmpty());
    }

    @Test
    void levelsAreProvinceCityCountyFromTheTop() {
        assertEquals(List.of("province", "city", "county"), DivisionLevel.wireNames());
        assertEquals(Optional.of(DivisionLevel.CITY), DivisionLevel.fromWire("city"));
        assertTrue(DivisionLevel.fromWire("township").isEmpty());
        assertTrue(DivisionLevel.PROVINCE.isAbove(DivisionLevel.COUNTY));
        assertFalse(DivisionLevel.COUNTY.isAbove(DivisionLevel.COUNTY));
        assertEquals("county", DivisionCode.parse("371502").level().wireName());
    }
}
