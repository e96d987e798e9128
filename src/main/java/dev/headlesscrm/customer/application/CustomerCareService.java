package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.Contact;
import dev.headlesscrm.customer.domain.Customer;
import dev.headlesscrm.customer.domain.CustomerCare;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.dictionary.DictionaryService;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.settings.Setting;
import dev.headlesscrm.platform.settings.SettingsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Care records (客户关怀): for a customer the caller sees, or one of its contacts. A care planned
 * within {@code care-before-marketing-days} before a marketing contact of the same customer carries
 * that contact ({@code marketingConflictAt}): when the care is written, and whenever marketing
 * plans, moves or calls off a contact ({@link #recheckMarketing}).
 */
@ApplicationScoped
public class CustomerCareService
    extends OwnedRecordService<CustomerCare, CustomerCareView, CustomerCareInput> {

  static final String RESOURCE = "customer-care";

  /** The history action (and event) of a care whose flag a marketing change moved. */
  static final String MARKETING_CHECKED = "marketing-conflict-checked";

  @Inject DictionaryService dictionaryCheck;
  @Inject SettingsService settings;
  @Inject Instance<MarketingContacts> marketing;

  static final RecordDefinition<CustomerCare, CustomerCareView, CustomerCareInput> DEFINITION =
      RecordDefinition.of(
              CustomerResources.CARES,
              CustomerCare.class,
              CustomerCareView.class,
              CustomerCareInput.class)
          .own("plannedAt", "cost")
          .build();

  @Override
  protected RecordDefinition<CustomerCare, CustomerCareView, CustomerCareInput> definition() {
    return DEFINITION;
  }

  @Override
  protected void apply(CustomerCareInput in, CustomerCare c, boolean creating) {
    dictionaryCheck.requireActive(spec().dictionaries(), Map.of("kind", in.kind()));
    Customer customer = em.find(Customer.class, in.customerId());
    if (customer == null || customer.isDeleted() || !dataScope.sees("customer", customer)) {
      throw CrmException.invalidField(
          "customerId", "not-found", Text.of("No such customer.", "客户不存在。"));
    }
    if (in.contactId() != null) {
      Contact contact = em.find(Contact.class, in.contactId());
      if (contact == null || contact.isDeleted() || !contact.customerId.equals(in.customerId())) {
        throw CrmException.invalidField(
            "contactId",
            "not-found",
            Text.of("The contact must be one of the customer's.", "联系人必须属于该客户。"));
      }
    }
    copy(in, c);
    c.plannedAt = in.plannedAt() != null ? in.plannedAt() : creating ? now() : c.plannedAt;
    c.cost = in.cost() == null ? null : in.cost().setScale(2);
    assignOwner(c, in.ownerId(), creating);
    flag(c, conflicts(List.of(c.customerId), c.plannedAt, c.plannedAt));
  }

  /**
   * Brings the flag of every live care of these customers up to date after marketing planned,
   * moved, made or called off a contact: each care whose flag changes moves through its version,
   * with a history entry and event, and its owner is told when it is newly flagged. Runs in the
   * caller's transaction, whoever the caller is (the marketing user need not see the care).
   */
  public void recheckMarketing(Collection<UUID> customerIds) {
    if (customerIds.isEmpty()) {
      return;
    }
    List<CustomerCare> cares =
        em.createQuery(
                "from CustomerCare c where c.customerId in :ids and c.deletedAt is null"
                    + " order by c.id",
                CustomerCare.class)
            .setParameter("ids", customerIds)
            .getResultList();
    if (cares.isEmpty()) {
      return;
    }
    Instant from = cares.stream().map(c -> c.plannedAt).min(Instant::compareTo).orElseThrow();
    Instant to = cares.stream().map(c -> c.plannedAt).max(Instant::compareTo).orElseThrow();
    List<MarketingContacts.Planned> planned = conflicts(customerIds, from, to);
    for (CustomerCare c : cares) {
      Optional<MarketingContacts.Planned> now = first(c, planned);
      if (Objects.equals(
              now.map(MarketingContacts.Planned::memberId).orElse(null),
              c.marketingConflictMemberId)
          && Objects.equals(
              now.map(MarketingContacts.Planned::at).orElse(null), c.marketingConflictAt)) {
        continue;
      }
      em.lock(c, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
      em.refresh(c);
      act(c, MARKETING_CHECKED, x -> flag(x, planned));
      if (c.marketingConflictAt != null && c.doneAt == null) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("marketingConflictAt", c.marketingConflictAt.toString());
        data.put("campaignId", c.marketingConflictCampaignId.toString());
        notifyOf(c.ownerId, "care-marketing-conflict", c, "flagged", data);
      }
    }
  }

  /**
   * The contacts that could flag care of these customers planned from {@code from} to {@code to}.
   */
  private List<MarketingContacts.Planned> conflicts(
      Collection<UUID> customerIds, Instant from, Instant to) {
    int days = settings.value(Setting.CARE_BEFORE_MARKETING_DAYS).asInt(7);
    if (days <= 0 || !marketing.isResolvable()) {
      return List.of();
    }
    return marketing.get().between(customerIds, from, to.plus(Duration.ofDays(days)));
  }

  /** Sets the care's flag from the first contact in its window, or clears it. */
  private void flag(CustomerCare c, List<MarketingContacts.Planned> planned) {
    Optional<MarketingContacts.Planned> hit = first(c, planned);
    c.marketingConflictAt = hit.map(MarketingContacts.Planned::at).orElse(null);
    c.marketingConflictCampaignId = hit.map(MarketingContacts.Planned::campaignId).orElse(null);
    c.marketingConflictMemberId = hit.map(MarketingContacts.Planned::memberId).orElse(null);
  }

  /** The earliest of the customer's contacts at or after the care, within the configured days. */
  private Optional<MarketingContacts.Planned> first(
      CustomerCare c, List<MarketingContacts.Planned> planned) {
    int days = settings.value(Setting.CARE_BEFORE_MARKETING_DAYS).asInt(7);
    Instant until = c.plannedAt.plus(Duration.ofDays(days));
    return planned.stream()
        .filter(p -> p.customerId().equals(c.customerId))
        .filter(p -> !p.at().isBefore(c.plannedAt) && !p.at().isAfter(until))
        .findFirst();
  }
}
