package cn.ogi.stats;

import cn.ogi.web.testing.OpenApiCompleteness;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationParameterBodyAndResponseIsDescribedWithExamples() {
        OpenApiCompleteness.ofRunningService().assertComplete();
    }
}
