package dev.headlesscrm.customer.application;

import java.util.Collection;
import java.util.UUID;

/**
 * Implemented by every context whose records belong to a customer (opportunities, contracts,
 * service requests...): on a merge they move from the duplicates to the survivor, so nothing is
 * lost. Contacts and child customers are moved by the customer context itself.
 */
public interface MergeParticipant {
  /** Moves this context's records; returns how many moved. */
  int reassign(Collection<UUID> from, UUID to);
}
