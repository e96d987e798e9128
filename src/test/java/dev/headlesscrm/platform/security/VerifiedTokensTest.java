package dev.headlesscrm.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The rules of the verified-token cache, on a clock the test moves. */
class VerifiedTokensTest {

  static final Instant T0 = Instant.parse("2026-12-07T03:00:00Z");

  static final class MovableClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(T0);

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  static SecurityIdentity identity(String name) {
    return QuarkusSecurityIdentity.builder().setPrincipal(() -> name).addRole("sales-rep").build();
  }

  @Test
  void aTokenIsServedUntilItsExpiryAndNeverAfter() {
    MovableClock clock = new MovableClock();
    VerifiedTokens tokens = new VerifiedTokens(10, clock);
    SecurityIdentity zhang = identity("rep.zhang");
    tokens.remember("aaa.bbb.ccc", zhang, T0.plusSeconds(300));
    assertSame(zhang, tokens.find("aaa.bbb.ccc").orElseThrow());
    assertEquals(1, tokens.hits());
    clock.now.set(T0.plusSeconds(299));
    assertTrue(tokens.find("aaa.bbb.ccc").isPresent());
    // At the expiry instant the token is no longer valid: verified again (and refused) by OIDC.
    clock.now.set(T0.plusSeconds(300));
    assertTrue(tokens.find("aaa.bbb.ccc").isEmpty());
    assertFalse(tokens.holds("aaa.bbb.ccc"), "the expired entry is dropped");
    assertEquals(2, tokens.hits());
  }

  @Test
  void onlyTheExactTokenMatches() {
    VerifiedTokens tokens = new VerifiedTokens(10, new MovableClock());
    tokens.remember("aaa.bbb.ccc", identity("rep.zhang"), T0.plusSeconds(300));
    // One character of the signature changed, a prefix, a longer string: strangers.
    assertTrue(tokens.find("aaa.bbb.ccd").isEmpty());
    assertTrue(tokens.find("aaa.bbb.cc").isEmpty());
    assertTrue(tokens.find("aaa.bbb.ccc ").isEmpty());
    assertTrue(tokens.find(null).isEmpty());
    assertEquals(0, tokens.hits());
  }

  @Test
  void anExpiredOrUndatedTokenIsNotRemembered() {
    VerifiedTokens tokens = new VerifiedTokens(10, new MovableClock());
    tokens.remember("old", identity("a"), T0);
    tokens.remember("undated", identity("b"), null);
    assertFalse(tokens.holds("old"));
    assertFalse(tokens.holds("undated"));
  }

  @Test
  void itStaysWithinItsBoundAndCanBeTurnedOff() {
    MovableClock clock = new MovableClock();
    VerifiedTokens tokens = new VerifiedTokens(3, clock);
    tokens.remember("t1", identity("a"), T0.plusSeconds(10));
    tokens.remember("t2", identity("b"), T0.plusSeconds(100));
    tokens.remember("t3", identity("c"), T0.plusSeconds(100));
    clock.now.set(T0.plusSeconds(20));
    // Full: the expired t1 makes room, the live ones stay.
    tokens.remember("t4", identity("d"), T0.plusSeconds(100));
    assertEquals(3, tokens.size());
    assertFalse(tokens.holds("t1"));
    assertTrue(tokens.holds("t2"));
    // Full of live tokens: everything goes, the newest stays.
    tokens.remember("t5", identity("e"), T0.plusSeconds(100));
    assertEquals(1, tokens.size());
    assertTrue(tokens.holds("t5"));

    VerifiedTokens off = new VerifiedTokens(0, clock);
    off.remember("t", identity("a"), T0.plusSeconds(100));
    assertTrue(off.find("t").isEmpty());
  }
}
