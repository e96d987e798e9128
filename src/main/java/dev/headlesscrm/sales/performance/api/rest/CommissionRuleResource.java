package dev.headlesscrm.sales.performance.api.rest;

import dev.headlesscrm.platform.records.RecordResource;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.sales.performance.application.CommissionRuleService;
import dev.headlesscrm.sales.performance.application.CommissionRuleView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Commission rules (佣金规则): read by everyone, set by sales managers. */
@Path("/api/v1/commission-rules")
@Tag(name = "Commissions")
public class CommissionRuleResource extends RecordResource<CommissionRuleView> {

  @Inject CommissionRuleService service;

  @Override
  protected RecordService<?, CommissionRuleView, ?> service() {
    return service;
  }

  @Override
  protected Class<CommissionRuleView> viewType() {
    return CommissionRuleView.class;
  }
}
