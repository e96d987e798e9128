package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.dictionary.DictionaryService;
import dev.headlesscrm.platform.numbering.NumberingService;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.platform.records.References;
import dev.headlesscrm.platform.security.CurrentPrincipal;
import dev.headlesscrm.support.domain.EntitlementConsumption;
import dev.headlesscrm.support.domain.EntitlementEntry;
import dev.headlesscrm.support.domain.EntitlementTerm;
import dev.headlesscrm.support.domain.Goods;
import dev.headlesscrm.support.domain.ServiceContract;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Service contracts (服务合同): what they cover and their entitlement terms. A term's used amount moves
 * only through {@link #consume}, which writes the ledger line and the contract's new version
 * (history entry, event) under the contract's row lock, so two requests never spend the same case.
 */
@ApplicationScoped
public class ServiceContractService
    extends RecordService<ServiceContract, ServiceContractView, ServiceContractInput> {

  static final String RESOURCE = "service-contract";

  @Inject References references;
  @Inject DictionaryService dictionaryCheck;
  @Inject NumberingService numbering;
  @Inject CurrentPrincipal principal;

  static final RecordDefinition<ServiceContract, ServiceContractView, ServiceContractInput>
      DEFINITION =
          RecordDefinition.of(
                  SupportResources.CONTRACTS,
                  ServiceContract.class,
                  ServiceContractView.class,
                  ServiceContractInput.class)
              .view("inForce", c -> c.inForce(GoodsService.today()))
              .view("terms", c -> c.terms.stream().map(EntitlementTermView::of).toList())
              .input(
                  "terms",
                  c ->
                      c.terms.stream()
                          .map(
                              t ->
                                  new EntitlementTermInput(
                                      t.id(), t.unit(), t.channel(), t.quantity()))
                          .toList())
              .own(
                  "customerId",
                  "name",
                  "salesContractId",
                  "active",
                  "consumeOn",
                  "blockWhenExhausted",
                  "goodsIds",
                  "productIds",
                  "contactIds",
                  "terms")
              .build();

  @Override
  protected RecordDefinition<ServiceContract, ServiceContractView, ServiceContractInput>
      definition() {
    return DEFINITION;
  }

  @Override
  protected void apply(ServiceContractInput in, ServiceContract c, boolean creating) {
    dictionaryCheck.requireActive(spec().dictionaries(), Map.of("serviceLevel", in.serviceLevel()));
    if (!creating && !Objects.equals(c.customerId, in.customerId())) {
      throw CrmException.invalidField(
          "customerId",
          "immutable",
          Text.of("A service contract stays with its customer.", "服务合同的客户不可更改。"));
    }
    if (creating && references.readable("customer", in.customerId()).isEmpty()) {
      throw CrmException.invalidField(
          "customerId", "not-found", Text.of("No such customer.", "客户不存在。"));
    }
    if (in.endsOn().isBefore(in.startsOn())) {
      throw CrmException.invalidField(
          "endsOn", "before-start", Text.of("It ends before it starts.", "结束日期早于开始日期。"));
    }
    if (in.salesContractId() != null
        && !in.salesContractId().equals(c.salesContractId)
        && !salesContractOf(in.salesContractId(), in.customerId())) {
      throw CrmException.invalidField(
          "salesContractId",
          "not-found",
          Text.of("The sales contract must be the customer's.", "销售合同必须属于该客户。"));
    }
    List<UUID> goodsIds = distinct(in.goodsIds());
    for (int i = 0; i < goodsIds.size(); i++) {
      Goods g = em.find(Goods.class, goodsIds.get(i));
      if ((g == null || g.isDeleted() || !g.customerId.equals(in.customerId()))
          && !c.goodsIds.contains(goodsIds.get(i))) {
        throw CrmException.invalidField(
            "goodsIds[" + i + "]",
            "not-found",
            Text.of("The goods must be the customer's.", "商品必须属于该客户。"));
      }
    }
    List<UUID> productIds = distinct(in.productIds());
    for (int i = 0; i < productIds.size(); i++) {
      if (!c.productIds.contains(productIds.get(i))
          && references.readable("product", productIds.get(i)).isEmpty()) {
        throw CrmException.invalidField(
            "productIds[" + i + "]", "not-found", Text.of("No such product.", "产品不存在。"));
      }
    }
    List<UUID> contactIds = distinct(in.contactIds());
    for (int i = 0; i < contactIds.size(); i++) {
      UUID contact = contactIds.get(i);
      Object customer =
          c.contactIds.contains(contact)
              ? in.customerId()
              : references
                  .readable("contact", contact)
                  .map(v -> References.field(v, "customerId"))
                  .orElse(null);
      if (!in.customerId().equals(customer)) {
        throw CrmException.invalidField(
            "contactIds[" + i + "]",
            "not-found",
            Text.of("The contact must be one of the customer's.", "联系人必须属于该客户。"));
      }
    }
    List<EntitlementTerm> terms = terms(in.terms(), c.terms);
    copy(in, c);
    c.customerId = in.customerId();
    c.name = in.name().trim();
    c.salesContractId = in.salesContractId();
    c.active = in.active() == null || in.active();
    c.consumeOn = in.consumeOn() == null ? EntitlementConsumption.CREATION : in.consumeOn();
    c.blockWhenExhausted = Boolean.TRUE.equals(in.blockWhenExhausted());
    c.goodsIds = goodsIds;
    c.productIds = productIds;
    c.contactIds = contactIds;
    c.terms = terms;
    if (creating) {
      c.number = numbering.next(RESOURCE);
    }
  }

  /** The terms as written, keeping what each has used; a used term cannot go or shrink below it. */
  private List<EntitlementTerm> terms(List<EntitlementTermInput> given, List<EntitlementTerm> was) {
    List<EntitlementTermInput> in = given == null ? List.of() : given;
    List<EntitlementTerm> out = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      EntitlementTermInput t = in.get(i);
      String field = "terms[" + i + "]";
      if (t.channel() != null) {
        dictionaryCheck.requireActive(
            Map.of(field + ".channel", "service-channel"), Map.of(field + ".channel", t.channel()));
      }
      BigDecimal used = BigDecimal.ZERO;
      if (t.id() != null) {
        EntitlementTerm old =
            was.stream().filter(o -> o.id().equals(t.id())).findFirst().orElse(null);
        if (old == null) {
          throw CrmException.invalidField(
              field + ".id",
              "not-found",
              Text.of(
                  "The contract has no such term; omit the id for a new one.",
                  "合同没有该条款；新条款不要填写 id。"));
        }
        if (old.unit() != t.unit() && old.used().signum() != 0) {
          throw CrmException.invalidField(
              field + ".unit",
              "in-use",
              Text.of("A term that has been used keeps its unit.", "已使用的条款不能更改计量单位。"));
        }
        used = old.used();
      }
      if (t.quantity().compareTo(used) < 0) {
        throw CrmException.invalidField(
            field + ".quantity",
            "below-used",
            Text.of(
                "The quantity cannot go below what was used (" + used.toPlainString() + ").",
                "数量不能少于已使用的数量（" + used.toPlainString() + "）。"));
      }
      UUID id = t.id() == null ? UUID.randomUUID() : t.id();
      if (out.stream().anyMatch(o -> o.id().equals(id))) {
        throw CrmException.invalidField(
            field + ".id", "duplicate", Text.of("A term is named twice.", "条款重复。"));
      }
      out.add(new EntitlementTerm(id, t.unit(), t.channel(), t.quantity(), used));
    }
    for (EntitlementTerm old : was) {
      if (old.used().signum() != 0 && out.stream().noneMatch(o -> o.id().equals(old.id()))) {
        throw CrmException.invalidField(
            "terms",
            "in-use",
            Text.of(
                "Term "
                    + old.id()
                    + " has been used and cannot be removed; set its quantity instead.",
                "条款 " + old.id() + " 已被使用，不能删除；请改为调整数量。"));
      }
    }
    return out;
  }

  private static List<UUID> distinct(List<UUID> ids) {
    return ids == null ? new ArrayList<>() : new ArrayList<>(new LinkedHashSet<>(ids));
  }

  private boolean salesContractOf(UUID contractId, UUID customerId) {
    return !em.createNativeQuery(
            "SELECT 1 FROM contracts WHERE id = ?1 AND customer_id = ?2 AND deleted_at IS NULL")
        .setParameter(1, contractId)
        .setParameter(2, customerId)
        .getResultList()
        .isEmpty();
  }

  /** The customer's live contracts, locked until the transaction ends (a check then a count). */
  List<ServiceContract> lockedOf(UUID customerId) {
    return em.createQuery(
            "from ServiceContract c where c.customerId = :customer and c.deletedAt is null"
                + " order by c.endsOn, c.number",
            ServiceContract.class)
        .setParameter("customer", customerId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
  }

  /**
   * Spends (or gives back, when negative) {@code quantity} of a term for a request: one ledger line
   * and one new version of the contract, under its row lock.
   */
  void consume(
      UUID contractId,
      UUID termId,
      UUID requestId,
      BigDecimal quantity,
      EntitlementEntry.Reason reason) {
    ServiceContract c = em.find(ServiceContract.class, contractId, LockModeType.PESSIMISTIC_WRITE);
    EntitlementTerm term = c == null ? null : c.term(termId).orElse(null);
    if (term == null || quantity.signum() == 0) {
      return;
    }
    EntitlementEntry e = new EntitlementEntry();
    e.contractId = contractId;
    e.termId = termId;
    e.requestId = requestId;
    e.unit = term.unit();
    e.quantity = quantity;
    e.reason = reason;
    e.createdAt = now();
    e.createdBy = principal.idOrNull();
    em.persist(e);
    act(
        c,
        quantity.signum() > 0 ? "entitlement-consumed" : "entitlement-returned",
        x -> x.consume(termId, quantity));
  }
}
