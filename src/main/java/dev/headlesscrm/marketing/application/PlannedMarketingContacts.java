package dev.headlesscrm.marketing.application;

import dev.headlesscrm.customer.application.MarketingContacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Marketing's answer to the care rule: the customers' contacts (made, else planned) of campaigns
 * neither cancelled nor deleted, in one indexed query (customer, planned time).
 */
@ApplicationScoped
public class PlannedMarketingContacts implements MarketingContacts {

  @Inject EntityManager em;

  @Override
  public List<Planned> between(Collection<UUID> customerIds, Instant from, Instant to) {
    if (customerIds.isEmpty()) {
      return List.of();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT m.customer_id, COALESCE(m.contacted_at, m.planned_at) AS at,"
                    + " m.campaign_id, m.id FROM campaign_members m"
                    + " JOIN campaigns c ON c.id = m.campaign_id"
                    + " WHERE m.customer_id = ANY(?1) AND m.deleted_at IS NULL"
                    + " AND c.deleted_at IS NULL AND c.status <> 'CANCELLED'"
                    + " AND COALESCE(m.contacted_at, m.planned_at) BETWEEN ?2 AND ?3"
                    + " ORDER BY at, m.id")
            .setParameter(1, customerIds.toArray(UUID[]::new))
            .setParameter(2, from)
            .setParameter(3, to)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Planned(
                    (UUID) r[0],
                    r[1] instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) r[1],
                    (UUID) r[2],
                    (UUID) r[3]))
        .toList();
  }
}
