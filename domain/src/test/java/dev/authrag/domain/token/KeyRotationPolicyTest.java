package dev.authrag.domain.token;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyRotationPolicyTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final Duration PERIOD = Duration.ofDays(30);
    private static final Duration AHEAD = Duration.ofMinutes(5);
    private static final Duration LIFETIME = Duration.ofMinutes(17);
    private static final KeyRotationPolicy POLICY = new KeyRotationPolicy(PERIOD, AHEAD, LIFETIME);

    private static final SigningKeyInfo FIRST = new SigningKeyInfo("kid-1", 1, T0);
    private static final SigningKeyInfo SECOND = new SigningKeyInfo("kid-2", 2, T0.plus(PERIOD));

    @Test
    void needsNewKey_withNoKeyAtAll_isTrue() {
        assertThat(POLICY.needsNewKey(List.of(), T0)).isTrue();
    }

    @Test
    void needsNewKey_justBeforeTheRotationPeriod_isFalse() {
        assertThat(POLICY.needsNewKey(List.of(FIRST), T0.plus(PERIOD).minusSeconds(1))).isFalse();
    }

    @Test
    void needsNewKey_exactlyAtCreatedAtPlusThePeriod_isTrue() {
        assertThat(POLICY.needsNewKey(List.of(FIRST), T0.plus(PERIOD))).isTrue();
    }

    @Test
    void needsNewKey_looksAtTheNewestKeyOnly() {
        assertThat(POLICY.needsNewKey(List.of(FIRST, SECOND), T0.plus(PERIOD).plusSeconds(1))).isFalse();
    }

    @Test
    void nextGeneration_withNoKey_isOne() {
        assertThat(POLICY.nextGeneration(List.of())).isEqualTo(1);
    }

    @Test
    void nextGeneration_followsTheNewestKeyWhateverTheListOrder() {
        assertThat(POLICY.nextGeneration(List.of(SECOND, FIRST))).isEqualTo(3);
    }

    @Test
    void signingKey_withNoKey_isEmpty() {
        assertThat(POLICY.signingKey(List.of(), T0)).isEmpty();
    }

    @Test
    void signingKey_theVeryFirstKey_signsAtOnceThoughNotPublishedAheadYet() {
        assertThat(POLICY.signingKey(List.of(FIRST), T0)).contains(FIRST);
    }

    @Test
    void signingKey_aBrandNewKey_isPublishedButDoesNotSignYet() {
        Instant now = SECOND.createdAt();

        assertThat(POLICY.signingKey(List.of(FIRST, SECOND), now)).contains(FIRST);
        assertThat(POLICY.publishedKeys(List.of(FIRST, SECOND), now)).contains(SECOND);
    }

    @Test
    void signingKey_justBeforePublishAheadHasPassed_isStillTheOldKey() {
        Instant now = SECOND.createdAt().plus(AHEAD).minusSeconds(1);

        assertThat(POLICY.signingKey(List.of(FIRST, SECOND), now)).contains(FIRST);
    }

    @Test
    void signingKey_oncePublishAheadHasPassed_isTheNewestPublishedKey() {
        Instant now = SECOND.createdAt().plus(AHEAD);

        assertThat(POLICY.signingKey(List.of(SECOND, FIRST), now)).contains(SECOND);
    }

    @Test
    void signingKey_withTwoNewKeysNotYetPublishedLongEnough_isTheNewestOldEnoughOne() {
        SigningKeyInfo third = new SigningKeyInfo("kid-3", 3, SECOND.createdAt().plus(PERIOD));
        Instant now = third.createdAt().plusSeconds(1);

        assertThat(POLICY.signingKey(List.of(FIRST, SECOND, third), now)).contains(SECOND);
    }

    @Test
    void publishedKeys_withOneKey_isThatKey() {
        assertThat(POLICY.publishedKeys(List.of(FIRST), T0)).containsExactly(FIRST);
    }

    @Test
    void publishedKeys_areNewestGenerationFirst() {
        Instant now = SECOND.createdAt().plusSeconds(1);

        assertThat(POLICY.publishedKeys(List.of(FIRST, SECOND), now)).containsExactly(SECOND, FIRST);
    }

    @Test
    void publishedKeys_keepTheOldKeyUntilItsLastTokensHaveExpired() {
        Instant lastMoment = SECOND.createdAt().plus(AHEAD).plus(LIFETIME).minusSeconds(1);

        assertThat(POLICY.publishedKeys(List.of(FIRST, SECOND), lastMoment)).containsExactly(SECOND, FIRST);
    }

    @Test
    void publishedKeys_dropTheOldKeyAtSuccessorCreatedAtPlusPublishAheadPlusTokenLifetime() {
        Instant withdrawn = SECOND.createdAt().plus(AHEAD).plus(LIFETIME);

        assertThat(POLICY.publishedKeys(List.of(FIRST, SECOND), withdrawn)).containsExactly(SECOND);
        assertThat(POLICY.publishedKeys(List.of(FIRST, SECOND), withdrawn.plus(Duration.ofDays(1)))).containsExactly(SECOND);
    }

    @Test
    void publishedKeys_neverDropTheKeyThatSigns() {
        Instant longAfter = T0.plus(Duration.ofDays(3650));

        assertThat(POLICY.publishedKeys(List.of(FIRST), longAfter)).containsExactly(FIRST);
    }

    @Test
    void publishedKeys_withThreeGenerations_keepOnlyTheOnesStillNeeded() {
        SigningKeyInfo third = new SigningKeyInfo("kid-3", 3, SECOND.createdAt().plus(PERIOD));
        Instant now = third.createdAt().plusSeconds(1);

        assertThat(POLICY.publishedKeys(List.of(FIRST, SECOND, third), now)).containsExactly(third, SECOND);
    }

    @Test
    void constructor_rejectsAPeriodEqualToPublishAheadPlusLifetime() {
        assertThatThrownBy(() -> new KeyRotationPolicy(AHEAD.plus(LIFETIME), AHEAD, LIFETIME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rotation period");
    }

    @Test
    void constructor_rejectsAPeriodShorterThanPublishAheadPlusLifetime() {
        assertThatThrownBy(() -> new KeyRotationPolicy(Duration.ofMinutes(10), AHEAD, LIFETIME))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructor_acceptsAPeriodJustLongerThanPublishAheadPlusLifetime() {
        assertThat(new KeyRotationPolicy(AHEAD.plus(LIFETIME).plusSeconds(1), AHEAD, LIFETIME).rotationPeriod())
                .isEqualTo(Duration.ofMinutes(22).plusSeconds(1));
    }

    @Test
    void signingKeyInfo_rejectsGenerationZero() {
        assertThatThrownBy(() -> new SigningKeyInfo("kid", 0, T0)).isInstanceOf(IllegalArgumentException.class);
    }
}
