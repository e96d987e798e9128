package dev.headlesscrm.sales.order.application;

import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.sales.order.domain.PricedLine;
import dev.headlesscrm.sales.shared.application.SalesValues;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Priced lines, computed on the server the same way for quotes, contracts and orders: per line
 * subtotal = quantity × unit price, discount = subtotal × discount%, tax = (subtotal − discount) ×
 * tax rate, total = subtotal − discount + tax, each rounded half up to the document's decimal
 * places; the document's totals are the sums of the rounded line figures (so they always add up).
 */
public final class PricedLines {
  private PricedLines() {}

  /** A line as clients write it. */
  @Input("PricedLineInput")
  @Schema(name = "PricedLineInput")
  public record LineInput(
      @Schema(description = "The product; its list price and tax rate are not copied")
          UUID productId,
      @NotBlank @Size(max = 200) String description,
      @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 6)
          BigDecimal quantity,
      @DecimalMin("0")
          @Digits(integer = 12, fraction = 6)
          @Schema(description = "The product's list price when omitted")
          BigDecimal unitPrice,
      @DecimalMin("0") @DecimalMax("100") @Schema(description = "Percent, 0-100")
          BigDecimal discountPercent,
      @DecimalMin("0")
          @DecimalMax("1")
          @Schema(
              description = "0.13 for 13%; the product's tax rate when omitted, else 0",
              examples = "0.13")
          BigDecimal taxRate) {

    static LineInput of(PricedLine l) {
      return new LineInput(
          l.productId, l.description, l.quantity, l.unitPrice, l.discountPercent, l.taxRate);
    }
  }

  /** A line as clients read it. */
  @Type("PricedLine")
  @Schema(name = "PricedLine")
  public record LineView(
      UUID id,
      UUID productId,
      String description,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal discountPercent,
      BigDecimal taxRate,
      BigDecimal subtotal,
      BigDecimal discountAmount,
      BigDecimal taxAmount,
      BigDecimal total) {

    static LineView of(PricedLine l, int scale) {
      return new LineView(
          l.id,
          l.productId,
          l.description,
          l.quantity.stripTrailingZeros(),
          l.unitPrice.stripTrailingZeros(),
          l.discountPercent.stripTrailingZeros(),
          l.taxRate.stripTrailingZeros(),
          money(l.subtotal, scale),
          money(l.discountAmount, scale),
          money(l.taxAmount, scale),
          money(l.total, scale));
    }
  }

  /** A document's totals. */
  public record Totals(
      BigDecimal subtotal,
      BigDecimal discountTotal,
      BigDecimal taxTotal,
      BigDecimal grandTotal,
      BigDecimal maxDiscount) {}

  /**
   * A priced document's lines in its definition: read with the document's decimal places, written
   * by its rules ({@link #apply}).
   */
  static <E, V extends Record, I extends Record> RecordDefinition.Builder<E, V, I> lines(
      RecordDefinition.Builder<E, V, I> definition,
      Function<E, List<? extends PricedLine>> lines,
      IntSupplier scale) {
    return definition
        .view(
            "lines",
            e -> lines.apply(e).stream().map(l -> LineView.of(l, scale.getAsInt())).toList())
        .input("lines", e -> lines.apply(e).stream().map(LineInput::of).toList())
        .own("lines");
  }

  public static BigDecimal money(BigDecimal value, int scale) {
    return SalesValues.money(value, scale);
  }

  /** Replaces the document's lines by these, computed, and returns the totals. */
  public static <L extends PricedLine> Totals apply(
      List<LineInput> input, List<L> lines, Supplier<L> newLine, int scale) {
    lines.clear();
    BigDecimal subtotal = BigDecimal.ZERO;
    BigDecimal discount = BigDecimal.ZERO;
    BigDecimal tax = BigDecimal.ZERO;
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal maxDiscount = BigDecimal.ZERO;
    List<LineInput> given = input == null ? List.of() : input;
    for (int i = 0; i < given.size(); i++) {
      LineInput in = given.get(i);
      L line = newLine.get();
      line.position = i + 1;
      line.productId = in.productId();
      line.description = in.description();
      line.quantity = in.quantity();
      line.unitPrice = in.unitPrice();
      line.discountPercent = in.discountPercent() == null ? BigDecimal.ZERO : in.discountPercent();
      line.taxRate = in.taxRate() == null ? BigDecimal.ZERO : in.taxRate();
      compute(line, scale);
      String at = "lines[" + i + "].";
      SalesValues.storable(line.subtotal, at + "subtotal");
      SalesValues.storable(line.total, at + "total");
      subtotal = SalesValues.storable(subtotal.add(line.subtotal), "subtotal");
      discount = discount.add(line.discountAmount);
      tax = SalesValues.storable(tax.add(line.taxAmount), "taxTotal");
      total = SalesValues.storable(total.add(line.total), "grandTotal");
      maxDiscount = maxDiscount.max(line.discountPercent);
      lines.add(line);
    }
    return new Totals(subtotal, discount, tax, total, maxDiscount);
  }

  static void compute(PricedLine line, int scale) {
    line.subtotal = money(line.quantity.multiply(line.unitPrice), scale);
    line.discountAmount =
        money(line.subtotal.multiply(line.discountPercent).movePointLeft(2), scale);
    BigDecimal taxable = line.subtotal.subtract(line.discountAmount);
    line.taxAmount = money(taxable.multiply(line.taxRate), scale);
    line.total = taxable.add(line.taxAmount);
  }
}
