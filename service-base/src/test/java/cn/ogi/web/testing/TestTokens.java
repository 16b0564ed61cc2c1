package cn.ogi.web.testing;

import cn.ogi.web.auth.Pem;
import cn.ogi.web.auth.Roles;
import cn.ogi.web.auth.TokenMinter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/**
 * Tokens for tests, signed by a key pair made for the build in {@code target/test-keys} (never in the
 * repository; kept on disk so that every class loader of a test run signs with the same key), plus
 * a second, untrusted key pair to sign tokens that must be refused.
 */
public final class TestTokens {

    public static final String ISSUER = TokenMinter.LOCAL_ISSUER;
    /** A request header that makes the default-token filter send no Authorization header at all. */
    public static final String NO_TOKEN = "X-Test-No-Token";
    /** The jurisdiction of the default test admin (admins are not bound by it). */
    public static final String PROVINCE = "370000";

    private static final Path KEYS = Path.of("target", "test-keys");
    static final KeyPair TRUSTED = trusted();
    private static final KeyPair UNTRUSTED = Pem.newRsaKeyPair();

    private TestTokens() {}

    public static String token(String role, String jurisdiction, String subject) {
        return new TokenMinter(TRUSTED.getPrivate(), ISSUER)
                .mint(subject, Set.of(role), jurisdiction, Duration.ofHours(1));
    }

    public static String admin() {
        return token(Roles.ADMIN, PROVINCE, "test-admin");
    }

    public static String expired(String role, String jurisdiction, String subject) {
        return new TokenMinter(TRUSTED.getPrivate(), ISSUER)
                .mint(subject, Set.of(role), jurisdiction, Duration.ofMinutes(-2));
    }

    public static String signedByAnotherKey(String role, String jurisdiction, String subject) {
        return new TokenMinter(UNTRUSTED.getPrivate(), ISSUER)
                .mint(subject, Set.of(role), jurisdiction, Duration.ofHours(1));
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** The public half of the trusted pair, as a PEM file for the service under test. */
    public static Path publicKeyFile() {
        return KEYS.resolve("public.pem");
    }

    private static synchronized KeyPair trusted() {
        Path privateKey = KEYS.resolve("private.pem");
        try {
            if (!Files.exists(privateKey)) {
                KeyPair pair = Pem.newRsaKeyPair();
                Files.createDirectories(KEYS);
                Path tmp = Files.createTempFile(KEYS, "private", ".pem");
                Files.writeString(
                        tmp,
                        "-----BEGIN PRIVATE KEY-----\n"
                                + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                                        .encodeToString(pair.getPrivate().getEncoded())
                                + "\n-----END PRIVATE KEY-----\n");
                Files.writeString(KEYS.resolve("public.pem"), Pem.publicKeyPem(pair.getPublic()));
                Files.move(tmp, privateKey, StandardCopyOption.ATOMIC_MOVE);
                return pair;
            }
            PrivateKey key = Pem.readPrivateKey(privateKey);
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
            PublicKey publicKey = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return new KeyPair(publicKey, key);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("test keys in " + KEYS.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
