package cn.ogi.web.testing;

import cn.ogi.web.auth.Pem;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Points the service under test at the test run's public key and makes every rest-assured request
 * carry an admin token unless the test sets its own Authorization header (or asks for none).
 */
public class TestKeys implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            Path file = TestTokens.publicKeyFile();
            Files.writeString(file, Pem.publicKeyPem(TestTokens.TRUSTED.getPublic()));
            RestAssured.filters(new DefaultToken());
            return Map.of(
                    "mp.jwt.verify.publickey.location",
                    file.toAbsolutePath().toUri().toString(),
                    "mp.jwt.verify.issuer",
                    TestTokens.ISSUER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        RestAssured.replaceFiltersWith(List.of());
    }

    /** Adds an admin token to requests that carry none; {@link TestTokens#NO_TOKEN} sends none at all. */
    static final class DefaultToken implements Filter {

        private final String admin = TestTokens.bearer(TestTokens.admin());

        @Override
        public Response filter(
                FilterableRequestSpecification request,
                FilterableResponseSpecification response,
                FilterContext context) {
            if (request.getHeaders().hasHeaderWithName(TestTokens.NO_TOKEN)) {
                request.removeHeader(TestTokens.NO_TOKEN);
            } else if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", admin);
            }
            return context.next(request, response);
        }
    }
}
