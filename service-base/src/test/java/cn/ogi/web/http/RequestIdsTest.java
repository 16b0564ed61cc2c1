package cn.ogi.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which incoming ids are kept (the HTTP side: reporting-service's RequestIdsTest). */
class RequestIdsTest {

    @Test
    void keepsASaneIdAsItCame() {
        for (String sane : new String[] {
            "a", "console.7f3a-01_b", "A".repeat(64), UUID.randomUUID().toString()
        }) {
            assertEquals(sane, RequestIds.idFor(sane));
        }
    }

    @Test
    void replacesAnythingElseWithAFreshUuid() {
        for (String insane : new String[] {null, "", "A".repeat(65), "two words", "tab\t", "new\nline", "引号", "a;b"}) {
            String id = RequestIds.idFor(insane);
            assertNotEquals(insane, id);
            assertEquals(id, UUID.fromString(id).toString(), "a UUID");
        }
        assertTrue(!RequestIds.idFor(null).equals(RequestIds.idFor(null)), "a new one each time");
    }
}
