package dev.headlesscrm.support.domain;

import dev.headlesscrm.platform.persistence.OwnedEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 产品维修: a work order made from a service request, for the customer's goods, owned by the one
 * responsible for it (the technician unless someone else is named). Its costs are computed ({@link
 * RepairCosts}); its status moves only through its actions ({@link RepairStates}).
 */
@Entity
@Table(name = "repairs")
public class Repair extends OwnedEntity {

  @Column(nullable = false, length = 64, updatable = false)
  public String number;

  @Column(name = "service_request_id", nullable = false, updatable = false)
  public UUID serviceRequestId;

  @Column(name = "customer_id", nullable = false)
  public UUID customerId;

  @Column(name = "goods_id")
  public UUID goodsId;

  @Column(nullable = false, length = 2000)
  public String fault;

  @Column(columnDefinition = "text")
  public String diagnosis;

  @Column(columnDefinition = "text")
  public String resolution;

  @Column(name = "technician_id")
  public UUID technicianId;

  @Column(name = "scheduled_start")
  public Instant scheduledStart;

  @Column(name = "scheduled_end")
  public Instant scheduledEnd;

  @Column(name = "visit_address", length = 500)
  public String visitAddress;

  /** Whether the goods' warranty covered the day the repair was opened. */
  @Column(name = "in_warranty", nullable = false)
  public boolean inWarranty;

  @Column(nullable = false, length = 3)
  public String currency;

  @Column(name = "labour_hours", nullable = false, precision = 9, scale = 2)
  public BigDecimal labourHours = BigDecimal.ZERO;

  @Column(name = "labour_rate", nullable = false, precision = 18, scale = 6)
  public BigDecimal labourRate = BigDecimal.ZERO;

  @Column(name = "parts_total", nullable = false, precision = 18, scale = 6)
  public BigDecimal partsTotal = BigDecimal.ZERO;

  @Column(name = "labour_total", nullable = false, precision = 18, scale = 6)
  public BigDecimal labourTotal = BigDecimal.ZERO;

  @Column(nullable = false, precision = 18, scale = 6)
  public BigDecimal total = BigDecimal.ZERO;

  @Column(nullable = false, precision = 18, scale = 6)
  public BigDecimal chargeable = BigDecimal.ZERO;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public RepairStatus status;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "completed_at")
  public Instant completedAt;

  @Column(name = "cancelled_at")
  public Instant cancelledAt;

  @Column(name = "cancel_reason", length = 500)
  public String cancelReason;

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "repair_id", nullable = false)
  @OrderBy("position")
  @org.hibernate.annotations.BatchSize(size = 100)
  public List<RepairPart> parts = new ArrayList<>();

  /** Computes the parts' amounts and the totals again (warranty as recorded). */
  public void price(int scale) {
    RepairCosts costs =
        RepairCosts.of(
            parts.stream().map(p -> new RepairCosts.Part(p.quantity, p.unitPrice)).toList(),
            labourHours,
            labourRate,
            inWarranty,
            scale);
    for (int i = 0; i < parts.size(); i++) {
      parts.get(i).amount = costs.partAmounts().get(i);
    }
    partsTotal = costs.partsTotal();
    labourTotal = costs.labourTotal();
    total = costs.total();
    chargeable = costs.chargeable();
  }
}
