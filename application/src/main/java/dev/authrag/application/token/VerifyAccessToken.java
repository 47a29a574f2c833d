package dev.authrag.application.token;

import dev.authrag.domain.token.AccessTokenClaims;

import java.util.Optional;

/** Use case: accept an access token when it is ours, current, and its session is still active. */
public interface VerifyAccessToken {

    Optional<AccessTokenClaims> verify(String token);
}
