package dev.headlesscrm.support.api.rest;

import dev.headlesscrm.platform.records.RecordResource;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.support.application.GoodsService;
import dev.headlesscrm.support.application.GoodsView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Goods (商品): the standard routes. */
@Path("/api/v1/goods")
@Tag(name = "Goods")
public class GoodsResource extends RecordResource<GoodsView> {

  @Inject GoodsService service;

  @Override
  protected RecordService<?, GoodsView, ?> service() {
    return service;
  }

  @Override
  protected Class<GoodsView> viewType() {
    return GoodsView.class;
  }
}
