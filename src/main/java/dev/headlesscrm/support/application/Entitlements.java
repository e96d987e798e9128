package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.records.References;
import dev.headlesscrm.platform.security.AccessPolicy;
import dev.headlesscrm.platform.security.Action;
import dev.headlesscrm.support.domain.EntitlementCheck;
import dev.headlesscrm.support.domain.EntitlementConsumption;
import dev.headlesscrm.support.domain.EntitlementEntry;
import dev.headlesscrm.support.domain.EntitlementSource;
import dev.headlesscrm.support.domain.EntitlementTerm;
import dev.headlesscrm.support.domain.EntitlementUnit;
import dev.headlesscrm.support.domain.Goods;
import dev.headlesscrm.support.domain.ServiceContract;
import dev.headlesscrm.support.domain.ServiceRequest;
import dev.headlesscrm.support.domain.ServiceRequestStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Entitlements (服务许可): which one entitles a new service request — a service contract's term, else
 * the goods' warranty, else the sales contract behind the goods — and what the request consumes of
 * a term as it is made, resolved, deleted and restored. Consumption is kept as a net per request
 * and term: each event writes only the difference to what the ledger already holds, so replays,
 * reopenings and second resolutions never count twice.
 */
@ApplicationScoped
public class Entitlements {

  @Inject EntityManager em;
  @Inject ServiceContractService contracts;
  @Inject References references;
  @Inject AccessPolicy access;

  /**
   * Decides what entitles a request being made (before it has its id) and sets it on the request;
   * 409 when the only covering terms are used up and their contracts block new requests. Locks the
   * customer's contracts until the transaction ends, so two requests never take the last case.
   */
  void check(ServiceRequest r, Goods goods, LocalDate today) {
    r.entitledBy = EntitlementSource.NONE;
    r.serviceContractId = null;
    r.entitlementTermId = null;
    r.salesContractId = null;
    List<ServiceContract> all = contracts.lockedOf(r.customerId);
    Optional<EntitlementCheck.Choice> choice =
        EntitlementCheck.choose(
            all,
            new EntitlementCheck.Facts(
                r.goodsId, goods == null ? null : goods.productId, r.contactId, r.channel, today));
    if (choice.isPresent() && !choice.get().exhausted()) {
      r.entitledBy = EntitlementSource.SERVICE_CONTRACT;
      r.serviceContractId = choice.get().contract().id;
      r.entitlementTermId = choice.get().term().id();
      return;
    }
    if (goods != null && goods.underWarranty(today)) {
      r.entitledBy = EntitlementSource.WARRANTY;
      return;
    }
    UUID sales = goods == null ? null : salesContractBehind(goods, today);
    if (sales != null) {
      r.entitledBy = EntitlementSource.SALES_CONTRACT;
      r.salesContractId = sales;
      return;
    }
    if (choice.isPresent() && choice.get().blocks()) {
      ServiceContract c = choice.get().contract();
      EntitlementTerm t = choice.get().term();
      throw CrmException.conflict(
          Text.of(
              "Service contract "
                  + c.number
                  + " has no "
                  + t.unit().name().toLowerCase()
                  + " left"
                  + (t.channel() == null ? "" : " on channel " + t.channel())
                  + " and refuses new requests; neither a warranty nor a sales contract covers"
                  + " this one.",
              "服务合同 "
                  + c.number
                  + " 的"
                  + (t.unit() == EntitlementUnit.CASES ? "次数" : "工时")
                  + "已用完且不再受理新请求；保修和销售合同也不覆盖本请求。"));
    }
  }

  /** The service level of the contract that entitled the request, for SLA policies. */
  String serviceLevel(ServiceRequest r) {
    if (r.serviceContractId == null) {
      return null;
    }
    ServiceContract c = em.find(ServiceContract.class, r.serviceContractId);
    return c == null ? null : c.serviceLevel;
  }

  /** The sales contract behind goods (goods → sales order → contract), when it is in force. */
  private UUID salesContractBehind(Goods goods, LocalDate today) {
    return goods.orderId == null
        ? null
        : salesContracts("g.id = ?1", goods.id, today).get(goods.id);
  }

  /**
   * Goods → the sales contract in force behind them: ACTIVE within its dates, or COMPLETED with an
   * end date not passed.
   */
  private java.util.Map<UUID, UUID> salesContracts(String where, UUID key, LocalDate today) {
    java.util.Map<UUID, UUID> out = new java.util.HashMap<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT g.id, c.id FROM goods g JOIN sales_orders o ON o.id = g.order_id"
                    + " JOIN contracts c ON c.id = o.contract_id WHERE "
                    + where
                    + " AND c.deleted_at IS NULL"
                    + " AND (c.start_date IS NULL OR c.start_date <= ?2)"
                    + " AND ((c.status = 'ACTIVE' AND (c.end_date IS NULL OR c.end_date >= ?2))"
                    + "   OR (c.status = 'COMPLETED' AND c.end_date >= ?2))")
            .setParameter(1, key)
            .setParameter(2, Date.valueOf(today))
            .getResultList()) {
      Object[] cols = (Object[]) row;
      out.put((UUID) cols[0], (UUID) cols[1]);
    }
    return out;
  }

  /**
   * Brings what the request consumed of its term to what this moment says it should be, writing
   * only the difference (nothing when the ledger already agrees).
   */
  void settle(ServiceRequest r, EntitlementEntry.Reason moment) {
    if (r.serviceContractId == null || r.entitlementTermId == null) {
      return;
    }
    ServiceContract c =
        em.find(ServiceContract.class, r.serviceContractId, LockModeType.PESSIMISTIC_WRITE);
    EntitlementTerm term = c == null ? null : c.term(r.entitlementTermId).orElse(null);
    if (term == null) {
      return;
    }
    BigDecimal net = consumed(r.id, term.id());
    boolean cases = term.unit() == EntitlementUnit.CASES;
    boolean resolved =
        r.status == ServiceRequestStatus.RESOLVED || r.status == ServiceRequestStatus.CLOSED;
    BigDecimal worked = r.workedHours == null ? BigDecimal.ZERO : r.workedHours;
    BigDecimal target =
        switch (moment) {
          case DELETED -> BigDecimal.ZERO;
          case CREATED ->
              cases && c.consumeOn == EntitlementConsumption.CREATION ? BigDecimal.ONE : net;
          case RESOLVED -> cases ? BigDecimal.ONE : worked;
          case RESTORED ->
              cases
                  ? (c.consumeOn == EntitlementConsumption.CREATION || resolved
                      ? BigDecimal.ONE
                      : BigDecimal.ZERO)
                  : (resolved ? worked : BigDecimal.ZERO);
        };
    BigDecimal delta = target.subtract(net);
    if (delta.signum() != 0) {
      contracts.consume(c.id, term.id(), r.id, delta, moment);
    }
  }

  private BigDecimal consumed(UUID requestId, UUID termId) {
    BigDecimal sum =
        em.createQuery(
                "select sum(e.quantity) from EntitlementEntry e"
                    + " where e.requestId = :request and e.termId = :term",
                BigDecimal.class)
            .setParameter("request", requestId)
            .setParameter("term", termId)
            .getSingleResult();
    return sum == null ? BigDecimal.ZERO : sum;
  }

  /** A contract's ledger, oldest first (404 when the caller cannot see the contract). */
  public List<EntitlementEntryView> ledger(UUID contractId) {
    if (references.readable(ServiceContractService.RESOURCE, contractId).isEmpty()) {
      throw CrmException.notFound(ServiceContractService.RESOURCE, contractId);
    }
    return em.createQuery(
            "from EntitlementEntry e where e.contractId = :c order by e.createdAt, e.id",
            EntitlementEntry.class)
        .setParameter("c", contractId)
        .getResultStream()
        .map(EntitlementEntryView::of)
        .toList();
  }

  /**
   * What the customer is entitled to today: every term of its service contracts in force, its goods
   * under warranty, and its goods whose sales contract is in force (404 when the caller cannot see
   * the customer).
   */
  public List<EntitlementView> ofCustomer(UUID customerId) {
    if (references.readable("customer", customerId).isEmpty()) {
      throw CrmException.notFound("customer", customerId);
    }
    access.require(ServiceContractService.RESOURCE, Action.READ);
    LocalDate today = GoodsService.today();
    List<EntitlementView> out = new ArrayList<>();
    for (ServiceContract c :
        em.createQuery(
                "from ServiceContract c where c.customerId = :customer and c.deletedAt is null"
                    + " order by c.endsOn, c.number",
                ServiceContract.class)
            .setParameter("customer", customerId)
            .getResultList()) {
      if (!c.inForce(today)) {
        continue;
      }
      EntitlementView.ServiceContract contract =
          new EntitlementView.ServiceContract(
              c.id,
              c.number,
              c.name,
              c.serviceLevel,
              c.startsOn,
              c.endsOn,
              c.consumeOn,
              c.blockWhenExhausted,
              c.goodsIds,
              c.productIds,
              c.contactIds);
      for (EntitlementTerm t : c.terms) {
        out.add(
            new EntitlementView(
                EntitlementSource.SERVICE_CONTRACT,
                contract,
                EntitlementTermView.of(t),
                null,
                null));
      }
    }
    java.util.Map<UUID, UUID> sales = salesContracts("g.customer_id = ?1", customerId, today);
    for (Goods g :
        em.createQuery(
                "from Goods g where g.customerId = :customer and g.deletedAt is null"
                    + " order by g.createdAt, g.id",
                Goods.class)
            .setParameter("customer", customerId)
            .getResultList()) {
      if (g.underWarranty(today)) {
        out.add(goodsEntitlement(EntitlementSource.WARRANTY, g, null));
      }
      if (sales.containsKey(g.id)) {
        out.add(goodsEntitlement(EntitlementSource.SALES_CONTRACT, g, sales.get(g.id)));
      }
    }
    return out;
  }

  private static EntitlementView goodsEntitlement(EntitlementSource source, Goods g, UUID sales) {
    return new EntitlementView(
        source,
        null,
        null,
        new EntitlementView.Goods(g.id, g.productId, g.serialNumber, g.warrantyEndsOn),
        sales);
  }
}
