package cn.ogi.web.http;

import cn.ogi.web.auth.TokenLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The shared settings as beans, read once at start-up. */
@ApplicationScoped
public class Settings {

    @Produces
    @Singleton
    HttpSettings http() {
        return HttpSettings.fromConfig();
    }

    @Produces
    @Singleton
    TokenLimits tokens() {
        return TokenLimits.fromConfig();
    }
}
