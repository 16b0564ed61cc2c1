package cn.ogi.web.auth;

import io.smallrye.jwt.build.Jwt;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Set;

/** Signs bearer tokens with the platform's claims: {@code sub}, {@code roles}, {@code jurisdiction}. */
public final class TokenMinter {

    /** The issuer of locally minted tokens; production verifies its identity provider's issuer instead. */
    public static final String LOCAL_ISSUER = "https://ogi.local/issuer";

    private final PrivateKey key;
    private final String issuer;

    public TokenMinter(PrivateKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
    }

    public String mint(String subject, Set<String> roles, String jurisdiction, Duration ttl) {
        var claims = Jwt.issuer(issuer)
                .subject(subject)
                .upn(subject)
                .claim("roles", roles)
                .expiresIn(ttl);
        if (jurisdiction != null) {
            claims.claim("jurisdiction", jurisdiction);
        }
        return claims.sign(key);
    }
}
