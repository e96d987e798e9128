package dev.headlesscrm.catalogue.application;

import dev.headlesscrm.platform.api.ConstraintProblems;
import dev.headlesscrm.platform.api.Text;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** What the product catalogue's database constraints mean to a client. */
@ApplicationScoped
public class ProductConstraints implements ConstraintProblems {

  @Override
  public Map<String, Meaning> constraints() {
    return Map.ofEntries(
        Map.entry(
            "product_categories_parent_id_fkey",
            Meaning.inUse(
                Text.of(
                    "Other categories are filed under this one; move or erase them first.",
                    "仍有子类别挂在该类别下，请先移动或删除它们。"))),
        Map.entry(
            "products_category_id_fkey",
            Meaning.inUse(
                Text.of(
                    "Products (deleted ones included) are filed under this category; move or erase"
                        + " them first.",
                    "仍有产品（含已删除的）属于该类别，请先调整或彻底删除它们。"))),
        Map.entry(
            "products_list_price_check",
            Meaning.invalidReference(
                "listPrice", Text.of("The list price cannot be negative.", "标准价格不能为负数。"))),
        Map.entry(
            "products_cost_check",
            Meaning.invalidReference("cost", Text.of("The cost cannot be negative.", "成本不能为负数。"))),
        Map.entry(
            "products_tax_rate_check",
            Meaning.invalidReference(
                "taxRate",
                Text.of("The tax rate is a fraction from 0 to 1.", "税率须为 0 到 1 之间的小数。"))));
  }
}
