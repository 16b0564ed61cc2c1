package cn.ogi.intake;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import cn.ogi.web.auth.VerifiedTokens;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The bearer-token authentication of the service goes through service-base's {@link VerifiedTokens}. */
@QuarkusTest
class TokenVerifierInUseTest {

    @Inject
    JWTParser parser;

    @Test
    void theParserSmallRyeJwtUsesIsTheOneThatReusesVerifiedTokens() {
        assertInstanceOf(VerifiedTokens.class, ClientProxy.unwrap(parser));
    }
}
