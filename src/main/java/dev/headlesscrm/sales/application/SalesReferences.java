package dev.headlesscrm.sales.application;

import dev.headlesscrm.catalogue.application.ProductService;
import dev.headlesscrm.catalogue.application.ProductView;
import dev.headlesscrm.customer.application.ContactService;
import dev.headlesscrm.customer.application.ContactView;
import dev.headlesscrm.customer.application.CustomerService;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * The references sales documents make to customers, contacts and opportunities, checked one way:
 * the record must exist and be visible to the caller, and belong to the document's customer; a
 * reference the caller cannot see is a 422 on its field, like one that does not exist.
 */
@ApplicationScoped
public class SalesReferences {

  @Inject CustomerService customers;
  @Inject ContactService contacts;
  @Inject OpportunityService opportunities;
  @Inject ProductService products;

  /**
   * Lines with their products checked (live products only, 422 on the line's productId otherwise)
   * and what they omit filled from the product: unit price from the list price, tax rate from the
   * product's. A line without a product must give its unit price.
   */
  public List<PricedLines.LineInput> priced(List<PricedLines.LineInput> lines) {
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

  /** Product ids of lines must name live products. */
  public void productsExist(List<UUID> productIds, String field) {
    java.util.Set<UUID> ids = new java.util.HashSet<>();
    productIds.forEach(
        id -> {
          if (id != null) {
            ids.add(id);
          }
        });
    if (!ids.isEmpty() && products.getAll(ids).size() < ids.size()) {
      throw CrmException.invalidField(field, "not-found", Text.of("No such product.", "产品不存在。"));
    }
  }

  public void customer(UUID customerId, String field) {
    if (customerId == null || customers.getAll(List.of(customerId)).isEmpty()) {
      throw CrmException.invalidField(field, "not-found", Text.of("No such customer.", "客户不存在。"));
    }
  }

  public void contactOf(UUID contactId, UUID customerId, String field) {
    if (contactId == null) {
      return;
    }
    ContactView contact = contacts.getAll(List.of(contactId)).get(contactId);
    if (contact == null || !contact.customerId().equals(customerId)) {
      throw CrmException.invalidField(
          field, "not-of-customer", Text.of("Not a contact of this customer.", "不是该客户的联系人。"));
    }
  }

  public void opportunityOf(UUID opportunityId, UUID customerId, String field) {
    if (opportunityId == null) {
      return;
    }
    OpportunityView o = opportunities.getAll(List.of(opportunityId)).get(opportunityId);
    if (o == null || !o.customerId().equals(customerId)) {
      throw CrmException.invalidField(
          field, "not-of-customer", Text.of("Not an opportunity of this customer.", "不是该客户的商机。"));
    }
  }
}
