package dev.headlesscrm.catalogue.application;

import dev.headlesscrm.catalogue.domain.ProductKind;
import dev.headlesscrm.catalogue.domain.ProductSource;
import dev.headlesscrm.catalogue.domain.ProductStatus;
import dev.headlesscrm.platform.query.FieldType;
import dev.headlesscrm.platform.query.Relation;
import dev.headlesscrm.platform.query.ResourceDeclarations;
import dev.headlesscrm.platform.query.ResourceSpec;
import dev.headlesscrm.platform.query.SearchSupport;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * What lists may filter and sort products and their categories by, declared once ({@code
 * category.code==SOFTWARE} on products, {@code parentId==...} on categories).
 */
@ApplicationScoped
public class ProductResources implements ResourceDeclarations {

  static final ResourceSpec PRODUCT_CATEGORIES =
      ResourceSpec.builder("product-category", "product_categories")
          .view(ProductCategoryView.class)
          .field("code", "code", FieldType.STRING, true, false)
          .field("name", "name", FieldType.STRING, true, false)
          .field("parentId", "parent_id", FieldType.UUID_, false, true)
          .field("sortOrder", "sort_order", FieldType.INTEGER, true, false)
          .field("externalId", "external_id", FieldType.STRING, false, true)
          .auditFields()
          .relation("parent", "parent_id", "product-category", Relation.OnDelete.RESTRICT, false)
          .softDelete()
          .build();

  static final ResourceSpec PRODUCTS =
      ResourceSpec.builder("product", "products")
          .view(ProductView.class)
          .field("code", "code", FieldType.STRING, true, false)
          .field("name", "name", FieldType.STRING, true, false)
          .field("categoryId", "category_id", FieldType.UUID_, false, true)
          .enumField("kind", "kind", ProductKind.class, true)
          .enumField("source", "source", ProductSource.class, true)
          .field("service", "service", FieldType.BOOLEAN, false, false)
          .field("training", "training", FieldType.BOOLEAN, false, false)
          .field("unit", "unit", FieldType.STRING, false, true)
          .field("listPrice", "list_price", FieldType.DECIMAL, true, true)
          .field("cost", "cost", FieldType.DECIMAL, true, true)
          .field("taxRate", "tax_rate", FieldType.DECIMAL, false, true)
          .field("currency", "currency", FieldType.STRING, false, false)
          .enumField("status", "status", ProductStatus.class, true)
          .field("externalId", "external_id", FieldType.STRING, false, true)
          .auditFields()
          .relation(
              "category", "category_id", "product-category", Relation.OnDelete.RESTRICT, false)
          .softDelete()
          .customFields("custom_fields")
          .search(SearchSupport::condition)
          .build();

  @Override
  public List<ResourceSpec> resources() {
    return List.of(PRODUCT_CATEGORIES, PRODUCTS);
  }
}
