package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.Contact;
import dev.headlesscrm.customer.domain.Customer;
import dev.headlesscrm.customer.domain.FollowUp;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.platform.dictionary.DictionaryService;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.References;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Follow-up records (跟进记录). A follow-up is on a customer, on a contact, opportunity or contract of
 * one (the customer is taken from it and must agree when also given), or on a lead. Every write,
 * delete and restore sets the customer's last and next follow-up from its latest live follow-up, as
 * an action of the customer ({@code followed-up}), through its version.
 */
@ApplicationScoped
public class FollowUpService extends OwnedRecordService<FollowUp, FollowUpView, FollowUpInput> {

  static final String RESOURCE = "follow-up";

  @Inject DictionaryService dictionaryCheck;
  @Inject CustomerService customers;
  @Inject References references;

  static final RecordDefinition<FollowUp, FollowUpView, FollowUpInput> DEFINITION =
      RecordDefinition.of(
              CustomerResources.FOLLOW_UPS, FollowUp.class, FollowUpView.class, FollowUpInput.class)
          .own("customerId", "followedUpAt", "participantEmployeeIds", "participantContactIds")
          .build();

  @Override
  protected RecordDefinition<FollowUp, FollowUpView, FollowUpInput> definition() {
    return DEFINITION;
  }

  @Override
  protected void apply(FollowUpInput in, FollowUp f, boolean creating) {
    dictionaryCheck.requireActive(spec().dictionaries(), Map.of("method", in.method()));
    UUID customerId = in.customerId();
    if (in.contactId() != null) {
      Contact contact = em.find(Contact.class, in.contactId());
      if (contact == null || contact.isDeleted() || !dataScope.sees("contact", contact)) {
        throw CrmException.invalidField(
            "contactId", "not-found", Text.of("No such contact.", "联系人不存在。"));
      }
      customerId = agree("contactId", customerId, contact.customerId);
    }
    customerId = agree("opportunityId", customerId, customerOf("opportunity", in.opportunityId()));
    customerId = agree("contractId", customerId, customerOf("contract", in.contractId()));
    if (in.leadId() != null && references.readable("lead", in.leadId()).isEmpty()) {
      throw CrmException.invalidField("leadId", "not-found", Text.of("No such lead.", "线索不存在。"));
    }
    if (customerId == null && in.leadId() == null) {
      throw CrmException.invalidField(
          "customerId",
          "required",
          Text.of(
              "Name the record followed up: customerId, contactId, opportunityId, contractId or"
                  + " leadId.",
              "请指定跟进的对象：客户、联系人、商机、合同或线索。"));
    }
    // The customers whose last follow-up this write may move are locked first, in id order: the
    // insert's foreign key would otherwise share-lock the row that afterSave then locks to update,
    // and two follow-ups of one customer at once would deadlock.
    java.util.SortedSet<UUID> moved = new java.util.TreeSet<>();
    if (customerId != null) {
      moved.add(customerId);
    }
    if (f.customerId != null) {
      moved.add(f.customerId);
    }
    moved.forEach(customers::lockRow);
    if (customerId != null) {
      Customer customer = em.find(Customer.class, customerId);
      if (customer == null || customer.isDeleted() || !dataScope.sees("customer", customer)) {
        throw CrmException.invalidField(
            "customerId", "not-found", Text.of("No such customer.", "客户不存在。"));
      }
    }
    List<UUID> contacts = distinct(in.participantContactIds());
    for (UUID id : contacts) {
      Contact contact = em.find(Contact.class, id);
      if (contact == null
          || contact.isDeleted()
          || customerId == null
          || !contact.customerId.equals(customerId)) {
        throw CrmException.invalidField(
            "participantContactIds",
            "not-found",
            Text.of(
                "Participants must be contacts of the customer followed up.",
                "参与联系人必须是所跟进客户的联系人。"));
      }
    }
    List<UUID> employees = distinct(in.participantEmployeeIds());
    for (UUID id : employees) {
      if (references.readable("employee", id).isEmpty()) {
        throw CrmException.invalidField(
            "participantEmployeeIds", "not-found", Text.of("No such employee.", "员工不存在。"));
      }
    }
    copy(in, f);
    f.previousCustomerId = f.customerId;
    f.customerId = customerId;
    f.content = in.content().trim();
    f.followedUpAt =
        in.followedUpAt() != null ? in.followedUpAt() : creating ? now() : f.followedUpAt;
    f.participantEmployeeIds = employees;
    f.participantContactIds = contacts;
    assignOwner(f, in.ownerId(), creating);
  }

  /** The customer of a related record; a second source must name the same customer. */
  private static UUID agree(String field, UUID customerId, UUID fromRecord) {
    if (fromRecord == null) {
      return customerId;
    }
    if (customerId != null && !customerId.equals(fromRecord)) {
      throw CrmException.invalidField(
          field,
          "mismatch",
          Text.of(
              "The " + field + " record belongs to another customer than customerId.",
              "所指记录属于另一个客户，与 customerId 不一致。"));
    }
    return fromRecord;
  }

  /** The customer of an opportunity or contract the caller may read (422 when it may not). */
  private UUID customerOf(String resource, UUID id) {
    if (id == null) {
      return null;
    }
    Optional<Versioned> record = references.readable(resource, id);
    if (record.isEmpty()) {
      throw CrmException.invalidField(
          resource + "Id", "not-found", Text.of("No such " + resource + ".", "所指记录不存在。"));
    }
    return (UUID) References.field(record.get(), "customerId");
  }

  private static List<UUID> distinct(List<UUID> ids) {
    return ids == null
        ? new ArrayList<>()
        : new ArrayList<>(ids.stream().filter(Objects::nonNull).distinct().toList());
  }

  @Override
  protected void afterSave(FollowUp f, boolean created) {
    customers.followedUp(f.customerId);
    if (f.previousCustomerId != null && !f.previousCustomerId.equals(f.customerId)) {
      customers.followedUp(f.previousCustomerId);
    }
  }

  @Override
  @Transactional
  public void delete(UUID id, Long expectedVersion) {
    super.delete(id, expectedVersion);
    find(id).ifPresent(deleted -> customers.followedUp(deleted.customerId));
  }

  @Override
  @Transactional
  public FollowUpView restore(UUID id) {
    FollowUpView restored = super.restore(id);
    customers.followedUp(restored.customerId());
    return restored;
  }
}
