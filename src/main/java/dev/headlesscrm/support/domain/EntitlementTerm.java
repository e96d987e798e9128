package dev.headlesscrm.support.domain;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One term of a service contract: so many cases or hours, on one channel (null: any channel), of
 * which {@code used} are consumed. Used moves only with the entitlement ledger.
 */
public record EntitlementTerm(
    UUID id, EntitlementUnit unit, String channel, BigDecimal quantity, BigDecimal used) {

  /** What is left; below zero when hours worked went past the term (overage). */
  public BigDecimal remaining() {
    return quantity.subtract(used);
  }

  /** Whether another request can be served from it: a whole case, or any hour left. */
  public boolean hasLeft() {
    return unit == EntitlementUnit.CASES
        ? remaining().compareTo(BigDecimal.ONE) >= 0
        : remaining().signum() > 0;
  }

  /** Whether it serves a request that came in on this channel. */
  public boolean serves(String requestChannel) {
    return channel == null || channel.equals(requestChannel);
  }

  public EntitlementTerm withUsed(BigDecimal newUsed) {
    return new EntitlementTerm(id, unit, channel, quantity, newUsed);
  }
}
