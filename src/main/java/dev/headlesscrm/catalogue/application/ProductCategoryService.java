package dev.headlesscrm.catalogue.application;

import dev.headlesscrm.catalogue.domain.ProductCategory;
import dev.headlesscrm.catalogue.domain.ProductCategoryRepository;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.RecordService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Product categories (产品类别): a tree whose parents are live and never below the child; a category
 * with live sub-categories or live products cannot be deleted (restrict).
 */
@ApplicationScoped
public class ProductCategoryService
    extends RecordService<ProductCategory, ProductCategoryView, ProductCategoryInput> {

  private static final RecordDefinition<ProductCategory, ProductCategoryView, ProductCategoryInput>
      DEFINITION =
          RecordDefinition.of(
                  ProductResources.PRODUCT_CATEGORIES,
                  ProductCategory.class,
                  ProductCategoryView.class,
                  ProductCategoryInput.class)
              .build();

  @Inject ProductCategoryRepository categories;

  @Override
  protected RecordDefinition<ProductCategory, ProductCategoryView, ProductCategoryInput>
      definition() {
    return DEFINITION;
  }

  @Override
  protected void apply(ProductCategoryInput in, ProductCategory c, boolean creating) {
    if (in.parentId() != null) {
      if (categories.findLive(in.parentId()).isEmpty()) {
        throw CrmException.invalidField(
            "parentId", "not-found", Text.of("No such parent category.", "上级类别不存在。"));
      }
      if (c.id != null && categories.ancestorsOf(in.parentId()).contains(c.id)) {
        throw CrmException.invalidField(
            "parentId",
            "cycle",
            Text.of(
                "A category cannot be placed under itself or one of its sub-categories.",
                "类别不能挂在自身或其下级类别之下。"));
      }
    }
    copy(in, c);
    c.code = in.code().trim();
    c.name = in.name().trim();
  }
}
