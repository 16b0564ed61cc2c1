package cn.ogi.intake.submission;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * NDJSON batches ({@code POST /api/v1/batches}; {@code intake.batch.*}, every key also an environment variable,
 * {@code intake.batch.chunk} → {@code INTAKE_BATCH_CHUNK}).
 */
@ConfigMapping(prefix = "intake.batch")
public interface BatchSettings {

    /** Reports stored per transaction (lines). */
    @WithDefault("500")
    int chunk();

    /** The longest line of a batch; a longer one is refused on its own, the batch goes on (bytes). */
    @WithDefault("1048576")
    int maxLineBytes();
}
