package dev.headlesscrm.customer.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * What the care rule asks of marketing (the customer context's port; the marketing context answers
 * it, as the customer context may not depend on marketing): the marketing contacts planned for
 * customers. Absent, no care is ever flagged.
 */
public interface MarketingContacts {

  /** A planned (or made) marketing contact of a customer, by a campaign that still runs. */
  record Planned(UUID customerId, Instant at, UUID campaignId, UUID memberId) {}

  /**
   * The customers' contacts, of campaigns neither cancelled nor deleted, at {@code from} or later
   * and at {@code to} or earlier (when made, else when planned), earliest first.
   */
  List<Planned> between(Collection<UUID> customerIds, Instant from, Instant to);
}
