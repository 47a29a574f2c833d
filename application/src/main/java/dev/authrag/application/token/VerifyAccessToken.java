package dev.authrag.application.token;

import dev.authrag.domain.token.AccessTokenClaims;

import java.util.Optional;

/** Use case: accept an access token when it is ours, current, and its session is still active. */
public interface VerifyAccessToken {

    Optional<AccessTokenClaims> verify(String token);

    /**
     * {@link #verify} answered from memory, without blocking: present only for a token whose signature this
     * instance checked before and whose session it knows to be active. Empty means "call {@link #verify}".
     */
    Optional<AccessTokenClaims> verifyFromMemory(String token);
}
