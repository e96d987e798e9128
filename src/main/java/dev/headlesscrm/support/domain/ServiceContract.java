package dev.headlesscrm.support.domain;

import dev.headlesscrm.platform.persistence.SoftDeletableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * 服务合同: a customer's service contract — period, service level, what it covers (goods, products,
 * contacts; empty lists cover all of the customer's) and its entitlement terms.
 */
@Entity
@Table(name = "service_contracts")
public class ServiceContract extends SoftDeletableEntity {

  @Column(nullable = false, length = 32, updatable = false)
  public String number;

  @Column(nullable = false, length = 200)
  public String name;

  @Column(name = "customer_id", nullable = false)
  public UUID customerId;

  @Column(name = "sales_contract_id")
  public UUID salesContractId;

  @Column(name = "service_level", nullable = false, length = 64)
  public String serviceLevel;

  @Column(name = "starts_on", nullable = false)
  public LocalDate startsOn;

  @Column(name = "ends_on", nullable = false)
  public LocalDate endsOn;

  @Column(nullable = false)
  public boolean active = true;

  @Enumerated(EnumType.STRING)
  @Column(name = "consume_on", nullable = false, length = 16)
  public EntitlementConsumption consumeOn = EntitlementConsumption.CREATION;

  @Column(name = "block_when_exhausted", nullable = false)
  public boolean blockWhenExhausted;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "goods_ids", nullable = false)
  public List<UUID> goodsIds = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "product_ids", nullable = false)
  public List<UUID> productIds = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "contact_ids", nullable = false)
  public List<UUID> contactIds = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<EntitlementTerm> terms = new ArrayList<>();

  @Column(columnDefinition = "text")
  public String note;

  @Column(name = "external_id", length = 128)
  public String externalId;

  /** Active, live and within its period on that day. */
  public boolean inForce(LocalDate day) {
    return active && !isDeleted() && !day.isBefore(startsOn) && !day.isAfter(endsOn);
  }

  /**
   * Whether it covers a request about these goods (of that product) from that contact: each list
   * that is not empty must name the request's value.
   */
  public boolean covers(UUID goodsId, UUID productId, UUID contactId) {
    return (goodsIds.isEmpty() || (goodsId != null && goodsIds.contains(goodsId)))
        && (productIds.isEmpty() || (productId != null && productIds.contains(productId)))
        && (contactIds.isEmpty() || (contactId != null && contactIds.contains(contactId)));
  }

  public Optional<EntitlementTerm> term(UUID termId) {
    return terms.stream().filter(t -> t.id().equals(termId)).findFirst();
  }

  /** Moves a term's used amount; the list is replaced so the change is seen. */
  public void consume(UUID termId, BigDecimal quantity) {
    List<EntitlementTerm> next = new ArrayList<>();
    for (EntitlementTerm t : terms) {
      next.add(t.id().equals(termId) ? t.withUsed(t.used().add(quantity)) : t);
    }
    terms = next;
  }
}
