package cn.ogi.form.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "11140800558745220K", // 晋中市文化和旅游局 (published procurement contract)
                "11410182005291054B", // 荥阳市司法局 (published court judgment)
                "914403001922038216", // 华为技术有限公司
                "91440300708461136T" // 深圳市腾讯计算机系统有限公司
            })
    void realPublishedCodesAreValid(String code) {
        assertTrue(CreditCode.isValid(code), () -> CreditCode.problem(code).orElse(""));
        assertEquals(code.charAt(17), CreditCode.checkCharacter(code.substring(0, 17)));
    }

    @Test
    void aFlippedCharacterFailsTheCheck() {
        String problem = CreditCode.problem("11140800558745230K").orElseThrow();

        assertTrue(problem.contains("check character expected"), problem);
    }

    @Test
    void wrongLengthIsExplained() {
        assertEquals(
                "must be 18 characters, got 17",
                CreditCode.problem("11140800558745220").orElseThrow());
        assertFalse(CreditCode.isValid(""));
        assertFalse(CreditCode.isValid(null));
    }

    @Test
    void illegalLettersAreNamedWithTheirPosition() {
        String problem = CreditCode.problem("1114080055874522OK").orElseThrow();

        assertTrue(problem.contains("'O' at position 17"), problem);
        assertTrue(CreditCode.problem("11140800558745220k").orElseThrow().contains("upper case"));
    }

    @Test
    void checkCharacterZeroWhenTheRemainderIsZero() {
        // 31 - 0 = 31 maps to '0': find such a prefix by varying the last position
        for (char c : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
            String prefix = "1114080055874522" + c;
            char check = CreditCode.checkCharacter(prefix);
            assertTrue(CreditCode.isValid(prefix + check));
        }
    }
}
