package dev.headlesscrm.sales.order.application;

import dev.headlesscrm.catalogue.application.ProductService;
import dev.headlesscrm.catalogue.application.ProductView;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** Priced lines' products, read through the catalogue's application API. */
@ApplicationScoped
class LinePricing {

  @Inject ProductService products;

  /**
   * Lines with their products checked (live products only, 422 on the line's productId otherwise)
   * and what they omit filled from the product: unit price from the list price, tax rate from the
   * product's. A line without a product must give its unit price.
   */
  List<PricedLines.LineInput> priced(List<PricedLines.LineInput> lines) {
    if (lines == null) {
      return List.of();
    }
    java.util.Set<UUID> ids = new java.util.HashSet<>();
    lines.forEach(
        l -> {
          if (l != null && l.productId() != null) {
            ids.add(l.productId());
          }
        });
    java.util.Map<UUID, ProductView> found =
        ids.isEmpty() ? java.util.Map.of() : products.getAll(ids);
    List<CrmException.Violation> problems = new java.util.ArrayList<>();
    List<PricedLines.LineInput> out = new java.util.ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      PricedLines.LineInput l = lines.get(i);
      ProductView product = l.productId() == null ? null : found.get(l.productId());
      if (l.productId() != null && product == null) {
        problems.add(
            new CrmException.Violation(
                "lines[" + i + "].productId", "not-found", Text.of("No such product.", "产品不存在。")));
        continue;
      }
      java.math.BigDecimal price =
          l.unitPrice() != null ? l.unitPrice() : product == null ? null : product.listPrice();
      if (price == null) {
        problems.add(
            new CrmException.Violation(
                "lines[" + i + "].unitPrice",
                "required",
                Text.of("Give a unit price or a product.", "请提供单价或产品。")));
        continue;
      }
      java.math.BigDecimal tax =
          l.taxRate() != null ? l.taxRate() : product == null ? null : product.taxRate();
      out.add(
          new PricedLines.LineInput(
              l.productId(), l.description(), l.quantity(), price, l.discountPercent(), tax));
    }
    if (!problems.isEmpty()) {
      throw CrmException.validation(problems);
    }
    return out;
  }
}
