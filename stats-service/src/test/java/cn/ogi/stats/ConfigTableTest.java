package cn.ogi.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.stats.console.ConsoleSettings;
import cn.ogi.stats.feed.FeedSettings;
import cn.ogi.stats.feed.ReportingAccess;
import cn.ogi.stats.query.Deadlines;
import cn.ogi.stats.query.QuerySettings;
import cn.ogi.stats.rebuild.RebuildSettings;
import cn.ogi.stats.rest.AnswerCacheSettings;
import cn.ogi.web.testing.ConfigTable;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table says, key by key, the defaults the mappings have. */
class ConfigTableTest {

    @Test
    void theReadmeListsEveryStatsKeyWithTheDefaultInCode() {
        assertEquals(
                ConfigTable.defaults(
                        FeedSettings.class,
                        ReportingAccess.class,
                        Deadlines.class,
                        QuerySettings.class,
                        RebuildSettings.class,
                        ConsoleSettings.class,
                        AnswerCacheSettings.class),
                ConfigTable.documented(Path.of("README.md"), "stats."));
    }
}
