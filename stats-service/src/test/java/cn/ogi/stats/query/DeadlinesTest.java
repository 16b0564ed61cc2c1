package cn.ogi.stats.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

    private static final OffsetDateTime COLLECTED_IN_2025 = OffsetDateTime.parse("2025-06-01T10:00:00+08:00");
    private static final LocalDate PUBLISHED_IN_TIME = LocalDate.of(2024, 1, 20);

    @Test
    void byDefaultAStatedPublicationDateCountsForAReportCollectedLater() {
        Deadlines deadlines = deadlines(Deadlines.Basis.PUBLISHED_ON);
        assertEquals(PUBLISHED_IN_TIME, deadlines.filedOn(COLLECTED_IN_2025, PUBLISHED_IN_TIME));
        assertTrue(deadlines.onTime("department", 2023, COLLECTED_IN_2025, PUBLISHED_IN_TIME));
        assertFalse(deadlines.onTime("department", 2023, COLLECTED_IN_2025, null), "no date stated: receipt counts");
    }

    @Test
    void aPublicationDateAfterTheDayReceivedIsNotBelieved() {
        OffsetDateTime received = OffsetDateTime.parse("2024-01-31T23:59:00+08:00");
        assertEquals(LocalDate.of(2024, 1, 31),
                deadlines(Deadlines.Basis.PUBLISHED_ON).filedOn(received, LocalDate.of(2024, 3, 1)));
    }

    @Test
    void withBasisReceivedOnlyTheDayReceivedCounts() {
        Deadlines deadlines = deadlines(Deadlines.Basis.RECEIVED);
        assertEquals(LocalDate.of(2025, 6, 1), deadlines.filedOn(COLLECTED_IN_2025, PUBLISHED_IN_TIME));
        assertFalse(deadlines.onTime("department", 2023, COLLECTED_IN_2025, PUBLISHED_IN_TIME));
        assertTrue(deadlines.onTime("government", 2023, OffsetDateTime.parse("2024-03-31T15:59:59Z"), null),
                "23:59:59 in Shanghai on the government deadline is on time");
    }

    private static Deadlines deadlines(Deadlines.Basis basis) {
        return new Deadlines() {
            @Override
            public String department() {
                return "01-31";
            }

            @Override
            public String government() {
                return "03-31";
            }

            @Override
            public ZoneId zone() {
                return ZoneId.of("Asia/Shanghai");
            }

            @Override
            public Basis basis() {
                return basis;
            }
        };
    }
}
