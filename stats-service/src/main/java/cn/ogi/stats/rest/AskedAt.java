package cn.ogi.stats.rest;

import cn.ogi.stats.query.AsOf;
import jakarta.enterprise.context.RequestScoped;

/**
 * The model's position (the very {@link AsOf} instance the live model published) when this request looked for a
 * kept answer ({@link StatsAnswers#known}); the answer it then computes is kept only if the model is still at that
 * instance — not merely at an equal seq and generation, which a reload from the tables also has.
 */
@RequestScoped
public class AskedAt {

    private AsOf position;

    AsOf position() {
        return position;
    }

    void position(AsOf at) {
        position = at;
    }
}
