package cn.ogi.form.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DivisionCodeTest {

    private static final DivisionCode SHANDONG = DivisionCode.parse("370000");
    private static final DivisionCode LIAOCHENG = DivisionCode.parse("371500");
    private static final DivisionCode DONGCHANGFU = DivisionCode.parse("371502");

    @Test
    void levelsFollowTheTrailingZeros() {
        assertEquals(DivisionLevel.PROVINCE, SHANDONG.level());
        assertEquals(DivisionLevel.CITY, LIAOCHENG.level());
        assertEquals(DivisionLevel.COUNTY, DONGCHANGFU.level());
    }

    @Test
    void impliedParentsClimbTheTree() {
        assertEquals(Optional.of(LIAOCHENG), DONGCHANGFU.impliedParent());
        assertEquals(Optional.of(SHANDONG), LIAOCHENG.impliedParent());
        assertEquals(Optional.empty(), SHANDONG.impliedParent());
    }

    @Test
    void aCodeIsWithinItselfAndItsAncestors() {
        assertTrue(DONGCHANGFU.isWithin(SHANDONG));
        assertTrue(DONGCHANGFU.isWithin(LIAOCHENG));
        assertTrue(DONGCHANGFU.isWithin(DONGCHANGFU));
        assertFalse(LIAOCHENG.isWithin(DONGCHANGFU));
        assertFalse(DivisionCode.parse("320800").isWithin(SHANDONG)); // 淮安市, Jiangsu
    }

    @Test
    void malformedCodesAreRefusedWithAReason() {
        assertTrue(DivisionCode.problem("37150").orElseThrow().contains("6 digits"));
        assertTrue(DivisionCode.problem("37150A").orElseThrow().contains("6 digits"));
        assertTrue(DivisionCode.problem("991500").orElseThrow().contains("province"));
        var e = assertThrows(IllegalArgumentException.class, () -> DivisionCode.parse("160000"));
        assertTrue(e.getMessage().contains("province"), e.getMessage());
        assertEquals(Optional.empty(), DivisionCode.problem("820000"));
    }
}
