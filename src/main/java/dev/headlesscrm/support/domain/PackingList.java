package dev.headlesscrm.support.domain;

import dev.headlesscrm.platform.persistence.SoftDeletableEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 装箱单: parts shipped to a customer or returned by one, for a repair or a sales order (exactly one),
 * whose customer it takes. Its status moves only through its actions ({@link PackingListStates}).
 */
@Entity
@Table(name = "packing_lists")
public class PackingList extends SoftDeletableEntity {

  @Column(nullable = false, length = 64, updatable = false)
  public String number;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public PackingDirection direction;

  @Column(name = "repair_id")
  public UUID repairId;

  @Column(name = "order_id")
  public UUID orderId;

  @Column(name = "customer_id", nullable = false)
  public UUID customerId;

  @Column(name = "ship_from_address", length = 500)
  public String shipFromAddress;

  @Column(name = "ship_to_address", length = 500)
  public String shipToAddress;

  @Column(length = 100)
  public String carrier;

  @Column(name = "tracking_number", length = 100)
  public String trackingNumber;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public PackingListStatus status;

  @Column(name = "packed_at")
  public Instant packedAt;

  @Column(name = "shipped_at")
  public Instant shippedAt;

  @Column(name = "delivered_at")
  public Instant deliveredAt;

  @Column(name = "returned_at")
  public Instant returnedAt;

  @Column(columnDefinition = "text")
  public String notes;

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "packing_list_id", nullable = false)
  @OrderBy("position")
  @org.hibernate.annotations.BatchSize(size = 100)
  public List<PackingListLine> lines = new ArrayList<>();
}
