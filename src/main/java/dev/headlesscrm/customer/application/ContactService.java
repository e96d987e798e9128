package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.Contact;
import dev.headlesscrm.customer.domain.Customer;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.search.Mnemonic;
import dev.headlesscrm.platform.search.SearchText;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;

/** Contacts: many per customer; erasing one anonymises the person. */
@ApplicationScoped
public class ContactService extends OwnedRecordService<Contact, ContactView, ContactInput> {

  static final RecordDefinition<Contact, ContactView, ContactInput> DEFINITION =
      RecordDefinition.of(
              CustomerResources.CONTACTS, Contact.class, ContactView.class, ContactInput.class)
          .derived("age", ContactView::ageOf)
          .own("age")
          .build();

  @Override
  protected RecordDefinition<Contact, ContactView, ContactInput> definition() {
    return DEFINITION;
  }

  /** A contact another context creates (e.g. a converted lead), with every rule of a create. */
  @jakarta.transaction.Transactional
  public ContactView create(NewContact command) {
    return create(command.input());
  }

  /** GDPR-style erasure: the row stays (history and relations hold) but the person is gone. */
  @Override
  protected void erase(Contact c) {
    c.name = "已匿名 / anonymised";
    c.gender = null;
    c.birthday = null;
    c.department = null;
    c.title = null;
    c.officePhone = null;
    c.mobile = null;
    c.homePhone = null;
    c.email = null;
    c.imId = null;
    c.age = null;
    c.ageAsOf = null;
    c.hobbies = null;
    c.notes = null;
    c.customFields = new LinkedHashMap<>();
    c.externalId = null;
    c.anonymised = true;
    c.searchText = "";
    c.searchTokens = List.of();
    if (!c.isDeleted()) {
      c.markDeleted();
    }
  }

  @Override
  protected void apply(ContactInput in, Contact c, boolean creating) {
    if (c.anonymised) {
      throw CrmException.conflict(Text.of("An erased contact cannot be changed.", "已匿名化的联系人不能修改。"));
    }
    Customer customer = em.find(Customer.class, in.customerId());
    if (customer == null || customer.isDeleted() || !dataScope.sees("customer", customer)) {
      throw CrmException.invalidField(
          "customerId", "not-found", Text.of("No such customer.", "客户不存在。"));
    }
    if (in.reportsToId() != null) {
      Contact boss = em.find(Contact.class, in.reportsToId());
      if (boss == null || boss.isDeleted() || !boss.customerId.equals(in.customerId())) {
        throw CrmException.invalidField(
            "reportsToId",
            "not-found",
            Text.of("reportsToId must be a contact of the same customer.", "上级主管必须是同一客户的联系人。"));
      }
      if (c.id != null && chainOf(in.reportsToId()).contains(c.id)) {
        throw CrmException.invalidField(
            "reportsToId",
            "cycle",
            Text.of("A contact cannot report to their own reports.", "联系人的上级主管不能是其下属。"));
      }
    }
    copy(in, c);
    c.name = in.name().trim();
    applyAge(in, c);
    assignOwner(c, in.ownerId() != null ? in.ownerId() : creating ? customer.ownerId : null, false);
    SearchText.Columns search =
        SearchText.builder()
            .add(c.name)
            .mnemonic(Mnemonic.of(c.name))
            .phone(c.mobile)
            .phone(c.officePhone)
            .email(c.email)
            .build();
    c.searchText = search.searchText();
    c.searchTokens = new java.util.ArrayList<>(search.searchTokens());
  }

  /**
   * A birthday decides the age. Without one, an age given is kept with the day it was given (so it
   * grows); the same age sent back unchanged (read-modify-write) keeps its original day.
   */
  private static void applyAge(ContactInput in, Contact c) {
    if (in.birthday() != null || in.age() == null) {
      c.age = null;
      c.ageAsOf = null;
    } else if (!in.age().equals(ContactView.ageOf(c))) {
      c.age = in.age();
      c.ageAsOf = java.time.LocalDate.now(ContactView.ZONE);
    }
  }

  @SuppressWarnings("unchecked")
  private List<java.util.UUID> chainOf(java.util.UUID id) {
    return em.createNativeQuery(
            "WITH RECURSIVE up(id, reports_to_id, depth) AS ("
                + " SELECT id, reports_to_id, 0 FROM contacts WHERE id = ?1"
                + " UNION ALL SELECT c.id, c.reports_to_id, up.depth + 1 FROM contacts c"
                + " JOIN up ON c.id = up.reports_to_id WHERE up.depth < 1000)"
                + " SELECT id FROM up",
            java.util.UUID.class)
        .setParameter(1, id)
        .getResultList();
  }
}
