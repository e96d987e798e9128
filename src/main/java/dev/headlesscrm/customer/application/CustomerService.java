package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.Customer;
import dev.headlesscrm.customer.domain.LifecycleStage;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.dictionary.DictionaryService;
import dev.headlesscrm.platform.numbering.NumberingService;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.search.Mnemonic;
import dev.headlesscrm.platform.search.SearchText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Customers: the generic record life plus the customer's own rules. */
@ApplicationScoped
public class CustomerService extends OwnedRecordService<Customer, CustomerView, CustomerInput> {

  static final String RESOURCE = "customer";

  @Inject DictionaryService dictionaryCheck;
  @Inject NumberingService numbering;

  static final RecordDefinition<Customer, CustomerView, CustomerInput> DEFINITION =
      RecordDefinition.of(
              CustomerResources.CUSTOMERS, Customer.class, CustomerView.class, CustomerInput.class)
          .view("finance", CustomerView::financeOf)
          .input("finance", CustomerInput::financeOf)
          .own("number", "parentId")
          .build();

  @Override
  protected RecordDefinition<Customer, CustomerView, CustomerInput> definition() {
    return DEFINITION;
  }

  /** A customer another context creates (e.g. a converted lead), with every rule of a create. */
  @jakarta.transaction.Transactional
  public CustomerView create(NewCustomer command) {
    return create(command.input());
  }

  /** The caller's data scope over customers (alias t), for queries written by hand. */
  public dev.headlesscrm.platform.query.SqlFragment visibleScope() {
    return scope();
  }

  @Override
  protected CrmException gone(Customer entity) {
    if (entity.mergedIntoId != null) {
      return CrmException.moved(
          "mergedInto", entity.mergedIntoId, "/api/v1/customers/" + entity.mergedIntoId);
    }
    return super.gone(entity);
  }

  @Override
  protected void apply(CustomerInput in, Customer c, boolean creating) {
    checkDictionaries(in);
    if (creating) {
      c.number = blank(in.number()) ? numbering.next(RESOURCE) : in.number().trim();
      c.tags = new ArrayList<>();
      c.customFields = new LinkedHashMap<>();
    } else if (blank(in.number())) {
      throw CrmException.invalidField(
          "number", "required", Text.of("The customer number is required.", "客户编号不能为空。"));
    } else {
      c.number = in.number().trim();
    }
    copy(in, c);
    c.name = in.name().trim();
    c.mnemonic = blank(in.mnemonic()) ? Mnemonic.of(c.name) : in.mnemonic();
    c.creditLimit = in.creditLimit() == null ? null : in.creditLimit().setScale(2);
    c.currency = blank(in.currency()) ? "CNY" : in.currency();
    CustomerInput.Finance finance = in.finance();
    c.bankName = finance == null ? null : finance.bankName();
    c.bankAccount = finance == null ? null : finance.bankAccount();
    c.taxId = finance == null ? null : finance.taxId();
    c.financePhone = finance == null ? null : finance.phone();
    c.lifecycleStage = in.lifecycleStage() == null ? LifecycleStage.PROSPECT : in.lifecycleStage();
    c.tags =
        in.tags() == null
            ? new ArrayList<>()
            : new ArrayList<>(in.tags().stream().distinct().toList());
    checkParent(c, in.parentId());
    c.parentId = in.parentId();
    assignOwner(c, in.ownerId(), creating);
    SearchText.Columns search =
        SearchText.builder()
            .add(c.name)
            .mnemonic(c.mnemonic)
            .code(c.number)
            .code(c.externalId)
            .phone(c.mainPhone)
            .email(c.email)
            .build();
    c.searchText = search.searchText();
    c.searchTokens = new ArrayList<>(search.searchTokens());
  }

  private void checkParent(Customer c, UUID parentId) {
    if (parentId == null) {
      return;
    }
    Customer parent = em.find(Customer.class, parentId);
    if (parent == null || parent.isDeleted() || !dataScope.sees(RESOURCE, parent)) {
      throw CrmException.invalidField(
          "parentId", "not-found", Text.of("No such parent customer.", "上级单位不存在。"));
    }
    if (c.id != null && ancestorsOf(parentId).contains(c.id)) {
      throw CrmException.invalidField(
          "parentId",
          "cycle",
          Text.of(
              "A customer cannot be its own parent or the parent of one of its parents.",
              "上级单位不能是客户自身或其下级单位。"));
    }
  }

  @SuppressWarnings("unchecked")
  private List<UUID> ancestorsOf(UUID id) {
    return em.createNativeQuery(
            "WITH RECURSIVE up(id, parent_id, depth) AS ("
                + " SELECT id, parent_id, 0 FROM customers WHERE id = ?1"
                + " UNION ALL SELECT c.id, c.parent_id, up.depth + 1 FROM customers c"
                + " JOIN up ON c.id = up.parent_id WHERE up.depth < 1000)"
                + " SELECT id FROM up",
            UUID.class)
        .setParameter(1, id)
        .getResultList();
  }

  /**
   * 成交: a contract of the customer was approved. A system action (whoever approved need not see the
   * customer): status WON, and a prospect becomes a new customer; recorded as "won".
   */
  @jakarta.transaction.Transactional
  public void markWon(UUID customerId) {
    Customer c = em.find(Customer.class, customerId);
    if (c == null || c.isDeleted() || "WON".equals(c.status)) {
      return;
    }
    act(
        c,
        "won",
        x -> {
          x.status = "WON";
          if (x.lifecycleStage == LifecycleStage.PROSPECT) {
            x.lifecycleStage = LifecycleStage.NEW;
          }
        });
  }

  /**
   * Sets the customer's last and next follow-up from its latest live follow-up record (by
   * followedUpAt): a system action ({@code followed-up}) under the customer's row lock, so two
   * follow-ups written at once both count; nothing when the customer already agrees.
   */
  public void followedUp(UUID customerId) {
    if (customerId == null) {
      return;
    }
    Customer c =
        em.find(Customer.class, customerId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (c == null || c.isDeleted()) {
      return;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> latest =
        em.createNativeQuery(
                "SELECT followed_up_at, left(content, 500), owner_id, next_follow_up_at"
                    + " FROM follow_ups WHERE customer_id = ?1 AND deleted_at IS NULL"
                    + " ORDER BY followed_up_at DESC, id DESC LIMIT 1")
            .setParameter(1, customerId)
            .unwrap(org.hibernate.query.NativeQuery.class)
            .addSynchronizedQuerySpace("follow_ups")
            .getResultList();
    Object[] row = latest.isEmpty() ? new Object[4] : latest.get(0);
    java.time.Instant at = instant(row[0]);
    String content = (String) row[1];
    UUID by = (UUID) row[2];
    java.time.Instant next = instant(row[3]);
    if (java.util.Objects.equals(at, c.lastFollowUpAt)
        && java.util.Objects.equals(content, c.lastFollowUpContent)
        && java.util.Objects.equals(by, c.lastFollowUpById)
        && java.util.Objects.equals(next, c.nextFollowUpAt)) {
      return;
    }
    act(
        c,
        "followed-up",
        x -> {
          x.lastFollowUpAt = at;
          x.lastFollowUpContent = content;
          x.lastFollowUpById = by;
          x.nextFollowUpAt = next;
        });
  }

  private static java.time.Instant instant(Object value) {
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    return (java.time.Instant) value;
  }

  private void checkDictionaries(CustomerInput in) {
    Map<String, String> values = new HashMap<>();
    values.put("industry", in.industry());
    values.put("level", in.level());
    values.put("type", in.type());
    values.put("status", in.status());
    values.put("source", in.source());
    values.put("creditRating", in.creditRating());
    dictionaryCheck.requireActive(spec().dictionaries(), values);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
