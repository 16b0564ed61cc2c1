package cn.ogi.stats;

import cn.ogi.web.testing.OpenApiCompleteness;
import cn.ogi.web.testing.OpenApiSnapshot;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationParameterBodyAndResponseIsDescribedWithExamples() {
        OpenApiCompleteness.ofRunningService().assertComplete();
    }

    /** docs/openapi/stats.json, from which api-client generates the Java client, is the live document. */
    @Test
    void theCommittedSnapshotIsTheLiveDocument() {
        OpenApiSnapshot.assertMatches(
                "stats", OpenApiCompleteness.ofRunningService().document());
    }
}
