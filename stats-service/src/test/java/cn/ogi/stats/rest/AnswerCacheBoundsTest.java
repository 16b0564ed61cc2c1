package cn.ogi.stats.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ogi.stats.query.AsOf;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

/** AnswerCache alone: one position at a time, never over its bytes, nothing kept from a position already left. */
class AnswerCacheBoundsTest {

    private static final AsOf AT_7 = new AsOf(7, 0);
    private static final AsOf AT_8 = new AsOf(8, 0);

    @Test
    void keepsWhatFitsAndEvictsToStayWithinItsBytes() {
        AnswerCache cache = new AnswerCache(() -> 20_000);
        for (int i = 0; i < 100; i++) {
            cache.put(AT_7, AT_7, "k" + i, answer(1000));
            assertTrue(cache.size()[1] <= 20_000, "bytes " + cache.size()[1]);
        }
        assertNotNull(cache.get(AT_7, "k99"), "the newest is kept");
        assertTrue(cache.size()[0] >= 10, "as many as fit are kept: " + cache.size()[0]);
        cache.put(AT_7, AT_7, "big", answer(6000));
        assertNull(cache.get(AT_7, "big"), "over a quarter of the bound: never kept");
    }

    @Test
    void aMoveOfTheModelDropsEverything() {
        AnswerCache cache = new AnswerCache(() -> 1 << 20);
        cache.put(AT_7, AT_7, "k", answer(10));
        assertNotNull(cache.get(AT_7, "k"));
        assertNull(cache.get(AT_8, "k"), "another position: nothing kept");
        assertEquals(0, cache.size()[0]);
        assertNull(cache.get(AT_7, "k"), "not even back at the old position");
        assertNull(cache.get(new AsOf(7, 1), "k"), "nor at another generation");
    }

    @Test
    void aReloadAtTheSameSeqAndGenerationDropsEverything() {
        AnswerCache cache = new AnswerCache(() -> 1 << 20);
        cache.put(AT_7, AT_7, "k", answer(10));
        assertNotNull(cache.get(AT_7, "k"));
        AsOf reloaded = new AsOf(7, 0);
        assertNull(cache.get(reloaded, "k"), "the model published another position: nothing kept");
        cache.put(AT_7, reloaded, "k", answer(10));
        assertNull(cache.get(reloaded, "k"), "an answer computed before the reload is not kept");
    }

    @Test
    void anAnswerComputedAtAPositionTheModelLeftIsNotKept() {
        AnswerCache cache = new AnswerCache(() -> 1 << 20);
        cache.put(AT_7, AT_8, "k", answer(10));
        assertNull(cache.get(AT_7, "k"));
        assertNull(cache.get(AT_8, "k"));
    }

    @Test
    void zeroBytesTurnsItOff() {
        AnswerCache cache = new AnswerCache(() -> 0);
        assertTrue(!cache.enabled());
        cache.put(AT_7, AT_7, "k", answer(10));
        assertNull(cache.get(AT_7, "k"));
    }

    private static AnswerCache.Answer answer(int bytes) {
        return new AnswerCache.Answer(new byte[bytes], new EntityTag("t"), MediaType.APPLICATION_JSON_TYPE, null);
    }
}
