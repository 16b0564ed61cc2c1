package cn.ogi.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ogi.intake.client.ReportingAccess;
import cn.ogi.intake.directory.DirectorySettings;
import cn.ogi.intake.outbox.RelaySettings;
import cn.ogi.intake.reading.ReaderSettings;
import cn.ogi.intake.submission.BatchSettings;
import cn.ogi.web.testing.ConfigTable;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table says, key by key, the defaults the mappings have. */
class ConfigTableTest {

    @Test
    void theReadmeListsEveryIntakeKeyWithTheDefaultInCode() {
        assertEquals(
                ConfigTable.defaults(
                        RelaySettings.class,
                        DirectorySettings.class,
                        ReaderSettings.class,
                        BatchSettings.class,
                        ReportingAccess.class),
                ConfigTable.documented(Path.of("README.md"), "intake."));
    }
}
