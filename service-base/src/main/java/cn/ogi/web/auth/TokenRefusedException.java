package cn.ogi.web.auth;

import io.quarkus.security.AuthenticationFailedException;

/**
 * A token that verified (signature, issuer, expiry) but breaks the platform's rules; answered 401 with the reason.
 * Travels as the cause of an {@link AuthenticationFailedException} (which is final).
 */
public final class TokenRefusedException extends RuntimeException {

    public TokenRefusedException(String reason) {
        super(reason);
    }

    public AuthenticationFailedException asAuthenticationFailure() {
        return new AuthenticationFailedException(this);
    }

    /** The refusal in the cause chain of an authentication failure, or null. */
    public static TokenRefusedException in(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TokenRefusedException refused) {
                return refused;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
