package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.numbering.NumberingService;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.platform.records.References;
import dev.headlesscrm.support.domain.DefectSeverity;
import dev.headlesscrm.support.domain.DefectStates;
import dev.headlesscrm.support.domain.DefectStatus;
import dev.headlesscrm.support.domain.ProductDefect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Objects;
import java.util.UUID;

/**
 * Product defects (产品缺陷): reported, confirmed, fixed and closed through their actions; the service
 * requests linked to one are counted on it, each change of the count through its version.
 */
@ApplicationScoped
public class ProductDefectService
    extends RecordService<ProductDefect, ProductDefectView, ProductDefectInput> {

  static final String RESOURCE = "product-defect";

  @Inject References references;
  @Inject NumberingService numbering;

  static final RecordDefinition<ProductDefect, ProductDefectView, ProductDefectInput> DEFINITION =
      RecordDefinition.of(
              SupportResources.DEFECTS,
              ProductDefect.class,
              ProductDefectView.class,
              ProductDefectInput.class)
          .own("title", "severity", "productId")
          .build();

  @Override
  protected RecordDefinition<ProductDefect, ProductDefectView, ProductDefectInput> definition() {
    return DEFINITION;
  }

  @Override
  protected void apply(ProductDefectInput in, ProductDefect d, boolean creating) {
    if (!Objects.equals(d.productId, in.productId())
        && references.readable("product", in.productId()).isEmpty()) {
      throw CrmException.invalidField(
          "productId", "not-found", Text.of("No such product.", "产品不存在。"));
    }
    copy(in, d);
    d.productId = in.productId();
    d.title = in.title().trim();
    d.severity = in.severity() == null ? DefectSeverity.MEDIUM : in.severity();
    if (creating) {
      d.number = numbering.next(RESOURCE);
      d.status = DefectStatus.REPORTED;
    }
  }

  /** REPORTED (or FIXED, CLOSED: it came back) → CONFIRMED. */
  @Transactional
  public ProductDefectView confirm(UUID id) {
    return move(id, DefectStatus.CONFIRMED, "confirmed", null);
  }

  /** CONFIRMED → FIXING. */
  @Transactional
  public ProductDefectView startFix(UUID id) {
    return move(id, DefectStatus.FIXING, "fix-started", null);
  }

  /** FIXING → FIXED, in a version. */
  @Transactional
  public ProductDefectView markFixed(UUID id, String fixedInVersion) {
    return move(id, DefectStatus.FIXED, "fixed", fixedInVersion);
  }

  /** REPORTED (no defect) or FIXED → CLOSED. */
  @Transactional
  public ProductDefectView close(UUID id) {
    return move(id, DefectStatus.CLOSED, "closed", null);
  }

  private ProductDefectView move(UUID id, DefectStatus to, String action, String fixedIn) {
    ProductDefect d = forUpdate(id);
    DefectStates.DEFECT.act(d.status, to);
    return act(
        d,
        action,
        x -> {
          x.status = to;
          if (to == DefectStatus.FIXED) {
            x.fixedAt = now();
            x.fixedInVersion = fixedIn == null || fixedIn.isBlank() ? null : fixedIn.trim();
          } else if (to == DefectStatus.CONFIRMED) {
            x.fixedAt = null;
            x.fixedInVersion = null;
          }
        });
  }

  /** The defect a service request links to: live and readable (422 otherwise). */
  void requireLinkable(UUID id) {
    ProductDefect d = em.find(ProductDefect.class, id);
    if (d == null || d.isDeleted() || references.readable(RESOURCE, id).isEmpty()) {
      throw CrmException.invalidField(
          "defectId", "not-found", Text.of("No such product defect.", "产品缺陷不存在。"));
    }
  }

  /** Counts the live requests linked to the defect again, through its version when it moved. */
  void recount(UUID id) {
    if (id == null) {
      return;
    }
    ProductDefect d = em.find(ProductDefect.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (d == null) {
      return;
    }
    int n =
        em.createQuery(
                "select count(r) from ServiceRequest r where r.defectId = :id and r.deletedAt is null",
                Long.class)
            .setParameter("id", id)
            .getSingleResult()
            .intValue();
    if (n != d.occurrenceCount) {
      act(d, "occurrences-counted", x -> x.occurrenceCount = n);
    }
  }
}
