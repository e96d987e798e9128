package dev.headlesscrm.support.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which service-contract term entitles a request (pure): among the customer's contracts in force
 * that cover it, a term on the request's channel before a term on any channel, contracts ending
 * first before later ones; the first with something left wins. When every matching term is used up,
 * the answer says so; it blocks new requests only when every such contract says it does.
 */
public final class EntitlementCheck {

  private EntitlementCheck() {}

  /** What is known of the request. */
  public record Facts(
      UUID goodsId, UUID productId, UUID contactId, String channel, LocalDate today) {}

  /** The term chosen; {@code exhausted} when it has nothing left (no term had). */
  public record Choice(ServiceContract contract, EntitlementTerm term, boolean exhausted) {

    /** Nothing left and its contract refuses new requests then. */
    public boolean blocks() {
      return exhausted && contract.blockWhenExhausted;
    }
  }

  public static Optional<Choice> choose(List<ServiceContract> contracts, Facts f) {
    List<ServiceContract> covering =
        contracts.stream()
            .filter(c -> c.inForce(f.today()))
            .filter(c -> c.covers(f.goodsId(), f.productId(), f.contactId()))
            .sorted(
                Comparator.comparing((ServiceContract c) -> c.endsOn)
                    .thenComparing(c -> c.number == null ? "" : c.number))
            .toList();
    Choice firstExhausted = null;
    for (boolean exact : new boolean[] {true, false}) {
      for (ServiceContract c : covering) {
        for (EntitlementTerm t : c.terms) {
          boolean matches =
              exact ? t.channel() != null && t.channel().equals(f.channel()) : t.channel() == null;
          if (!matches) {
            continue;
          }
          if (t.hasLeft()) {
            return Optional.of(new Choice(c, t, false));
          }
          if (firstExhausted == null || (!c.blockWhenExhausted && firstExhausted.blocks())) {
            firstExhausted = new Choice(c, t, true);
          }
        }
      }
    }
    return Optional.ofNullable(firstExhausted);
  }
}
