package cn.ogi.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.reporting.report.OriginalSettings;
import cn.ogi.reporting.rest.BodyLimits;
import cn.ogi.reporting.rest.DeliverySettings;
import cn.ogi.web.testing.ConfigTable;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table says, key by key, the defaults the mappings have. */
class ConfigTableTest {

    @Test
    void theReadmeListsEveryReportingKeyWithTheDefaultInCode() {
        assertEquals(
                ConfigTable.defaults(DeliverySettings.class, BodyLimits.class, OriginalSettings.class),
                ConfigTable.documented(Path.of("README.md"), "reporting."));
    }
}
