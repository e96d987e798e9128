package dev.headlesscrm.catalogue.api.rest;

import dev.headlesscrm.catalogue.application.ProductCategoryService;
import dev.headlesscrm.catalogue.application.ProductCategoryView;
import dev.headlesscrm.platform.records.RecordResource;
import dev.headlesscrm.platform.records.RecordService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Product categories (产品类别): the standard routes over the category tree. */
@Path("/api/v1/product-categories")
@Tag(name = "Products")
public class ProductCategoryResource extends RecordResource<ProductCategoryView> {

  @Inject ProductCategoryService service;

  @Override
  protected RecordService<?, ProductCategoryView, ?> service() {
    return service;
  }

  @Override
  protected Class<ProductCategoryView> viewType() {
    return ProductCategoryView.class;
  }
}
