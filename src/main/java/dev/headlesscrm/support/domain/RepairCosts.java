package dev.headlesscrm.support.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What a repair costs, computed on the server: each part's amount is quantity × unit price, the
 * labour is hours × rate, each rounded half up to the decimal places; the total is the parts' sum
 * plus the labour, and what is charged to the customer is nothing when the goods' warranty covered
 * the repair when it was opened (parts and labour alike), else the total.
 */
public record RepairCosts(
    List<BigDecimal> partAmounts,
    BigDecimal partsTotal,
    BigDecimal labourTotal,
    BigDecimal total,
    BigDecimal chargeable) {

  /** A part as priced: how many, at what unit price. */
  public record Part(BigDecimal quantity, BigDecimal unitPrice) {}

  public static RepairCosts of(
      List<Part> parts,
      BigDecimal labourHours,
      BigDecimal labourRate,
      boolean inWarranty,
      int scale) {
    BigDecimal partsTotal = BigDecimal.ZERO.setScale(scale);
    List<BigDecimal> amounts = new java.util.ArrayList<>();
    for (Part p : parts) {
      BigDecimal amount = round(p.quantity().multiply(p.unitPrice()), scale);
      amounts.add(amount);
      partsTotal = partsTotal.add(amount);
    }
    BigDecimal labour =
        round(
            (labourHours == null ? BigDecimal.ZERO : labourHours)
                .multiply(labourRate == null ? BigDecimal.ZERO : labourRate),
            scale);
    BigDecimal total = partsTotal.add(labour);
    return new RepairCosts(
        List.copyOf(amounts),
        partsTotal,
        labour,
        total,
        inWarranty ? BigDecimal.ZERO.setScale(scale) : total);
  }

  private static BigDecimal round(BigDecimal value, int scale) {
    return value.setScale(scale, RoundingMode.HALF_UP);
  }
}
