package dev.headlesscrm.marketing.application;

import dev.headlesscrm.customer.application.CustomerCareService;
import dev.headlesscrm.marketing.domain.Campaign;
import dev.headlesscrm.marketing.domain.CampaignStates;
import dev.headlesscrm.marketing.domain.CampaignStatus;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.dictionary.DictionaryService;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.platform.security.CurrentPrincipal;
import dev.headlesscrm.platform.security.OrgDirectory;
import dev.headlesscrm.platform.security.PrincipalKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Campaigns (营销活动), read by every role that reads them whoever runs them (they are the
 * organisation's, not a rep's), their status moved only by the actions launch, complete, cancel and
 * replan. Cancelling a campaign (or planning it again) changes which marketing contacts will
 * happen, so the care of its target customers is checked again.
 */
@ApplicationScoped
public class CampaignService extends RecordService<Campaign, CampaignView, CampaignInput> {

  static final String RESOURCE = "campaign";

  @Inject DictionaryService dictionaryCheck;
  @Inject CustomerCareService cares;
  @Inject OrgDirectory org;
  @Inject CurrentPrincipal principal;

  static final RecordDefinition<Campaign, CampaignView, CampaignInput> DEFINITION =
      RecordDefinition.of(
              MarketingResources.CAMPAIGNS, Campaign.class, CampaignView.class, CampaignInput.class)
          .own("budget", "actualCost", "expectedRevenue")
          .build();

  @Override
  protected RecordDefinition<Campaign, CampaignView, CampaignInput> definition() {
    return DEFINITION;
  }

  @Override
  protected void apply(CampaignInput in, Campaign c, boolean creating) {
    Map<String, String> codes = new HashMap<>();
    codes.put("type", in.type());
    codes.put("channel", in.channel());
    dictionaryCheck.requireActive(spec().dictionaries(), codes);
    if (in.startDate() != null && in.endDate() != null && in.endDate().isBefore(in.startDate())) {
      throw CrmException.invalidField(
          "endDate",
          "before-start",
          Text.of("The campaign cannot end before it starts.", "结束日期不能早于开始日期。"));
    }
    copy(in, c);
    c.name = in.name().trim();
    c.budget = money(in.budget());
    c.actualCost = money(in.actualCost());
    c.expectedRevenue = money(in.expectedRevenue());
    if (creating) {
      c.status = CampaignStatus.PLANNED;
    }
    if (in.ownerId() != null) {
      if (!in.ownerId().equals(c.ownerId) && org.activeEmployee(in.ownerId()).isEmpty()) {
        throw CrmException.invalidField(
            "ownerId", "not-found", Text.of("No such working employee.", "没有这位在职员工。"));
      }
      c.ownerId = in.ownerId();
    } else if (creating && principal.resolve().kind() == PrincipalKind.EMPLOYEE) {
      c.ownerId = principal.resolve().id();
    }
  }

  private static java.math.BigDecimal money(java.math.BigDecimal amount) {
    return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_UP);
  }

  /** PLANNED → ACTIVE. */
  @Transactional
  public CampaignView launch(UUID id) {
    return move(id, CampaignStatus.ACTIVE, "launched");
  }

  /** ACTIVE → COMPLETED. */
  @Transactional
  public CampaignView complete(UUID id) {
    return move(id, CampaignStatus.COMPLETED, "completed");
  }

  /** PLANNED or ACTIVE → CANCELLED: its planned contacts no longer flag care. */
  @Transactional
  public CampaignView cancel(UUID id) {
    return move(id, CampaignStatus.CANCELLED, "cancelled");
  }

  /** CANCELLED → PLANNED: its contacts count again. */
  @Transactional
  public CampaignView replan(UUID id) {
    return move(id, CampaignStatus.PLANNED, "replanned");
  }

  private CampaignView move(UUID id, CampaignStatus to, String action) {
    Campaign c = forUpdate(id);
    CampaignStatus from = c.status;
    CampaignStates.CAMPAIGN.act(from, to);
    CampaignView after =
        act(
            c,
            action,
            x -> {
              x.status = to;
              if (to == CampaignStatus.ACTIVE) {
                x.launchedAt = now();
              }
              x.closedAt =
                  to == CampaignStatus.COMPLETED || to == CampaignStatus.CANCELLED ? now() : null;
            });
    if (to == CampaignStatus.CANCELLED || from == CampaignStatus.CANCELLED) {
      cares.recheckMarketing(customersOf(c.id));
    }
    return after;
  }

  /** The customers on the campaign's live target list. */
  List<UUID> customersOf(UUID campaignId) {
    return em.createQuery(
            "select m.customerId from CampaignMember m where m.campaignId = :id"
                + " and m.deletedAt is null order by m.customerId",
            UUID.class)
        .setParameter("id", campaignId)
        .getResultList();
  }
}
