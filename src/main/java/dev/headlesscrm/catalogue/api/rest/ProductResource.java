package dev.headlesscrm.catalogue.api.rest;

import dev.headlesscrm.catalogue.application.ProductService;
import dev.headlesscrm.catalogue.application.ProductView;
import dev.headlesscrm.platform.records.RecordResource;
import dev.headlesscrm.platform.records.RecordService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Products (产品): the standard routes; sales managers and integrations write. */
@Path("/api/v1/products")
@Tag(name = "Products")
public class ProductResource extends RecordResource<ProductView> {

  @Inject ProductService service;

  @Override
  protected RecordService<?, ProductView, ?> service() {
    return service;
  }

  @Override
  protected Class<ProductView> viewType() {
    return ProductView.class;
  }
}
