package dev.headlesscrm.marketing.application;

import dev.headlesscrm.customer.application.CustomerCareService;
import dev.headlesscrm.marketing.domain.Campaign;
import dev.headlesscrm.marketing.domain.CampaignMember;
import dev.headlesscrm.marketing.domain.CampaignStatus;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.dictionary.DictionaryService;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.References;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A campaign's target list (目标客户列表): customers the caller sees, each once per campaign, with the
 * planned marketing contact and the response, owned by the customer's owner and moving with it.
 * Joining needs a campaign that is planned or running; every change of the list has the care of
 * that customer checked again against it.
 */
@ApplicationScoped
public class CampaignMemberService
    extends OwnedRecordService<CampaignMember, CampaignMemberView, CampaignMemberInput> {

  static final String RESOURCE = "campaign-member";

  @Inject DictionaryService dictionaryCheck;
  @Inject References references;
  @Inject CustomerCareService cares;

  static final RecordDefinition<CampaignMember, CampaignMemberView, CampaignMemberInput>
      DEFINITION =
          RecordDefinition.of(
                  MarketingResources.CAMPAIGN_MEMBERS,
                  CampaignMember.class,
                  CampaignMemberView.class,
                  CampaignMemberInput.class)
              .own("campaignId", "customerId", "plannedAt", "respondedAt")
              .build();

  @Override
  protected RecordDefinition<CampaignMember, CampaignMemberView, CampaignMemberInput> definition() {
    return DEFINITION;
  }

  @Override
  protected void apply(CampaignMemberInput in, CampaignMember m, boolean creating) {
    Map<String, String> codes = new HashMap<>();
    codes.put("response", in.response());
    dictionaryCheck.requireActive(spec().dictionaries(), codes);
    if (!creating) {
      unchanged("campaignId", m.campaignId, in.campaignId());
      unchanged("customerId", m.customerId, in.customerId());
    }
    // Shared lock: a cancel of the campaign waits for this write, or this write sees it.
    Campaign campaign = em.find(Campaign.class, in.campaignId(), LockModeType.PESSIMISTIC_READ);
    if (campaign == null
        || campaign.isDeleted()
        || references.readable("campaign", campaign.id).isEmpty()) {
      throw CrmException.invalidField(
          "campaignId", "not-found", Text.of("No such campaign.", "营销活动不存在。"));
    }
    if (creating
        && campaign.status != CampaignStatus.PLANNED
        && campaign.status != CampaignStatus.ACTIVE) {
      throw CrmException.invalidField(
          "campaignId",
          "closed",
          Text.of(
              "The campaign is "
                  + campaign.status
                  + ": only a planned or running campaign takes"
                  + " new customers.",
              "该营销活动已"
                  + (campaign.status == CampaignStatus.COMPLETED ? "结束" : "取消")
                  + "，不能再加入客户。"));
    }
    java.util.Optional<dev.headlesscrm.platform.api.Versioned> customer =
        creating ? references.readable("customer", in.customerId()) : java.util.Optional.empty();
    if (creating && customer.isEmpty()) {
      throw CrmException.invalidField(
          "customerId", "not-found", Text.of("No such customer.", "客户不存在。"));
    }
    references.requireContactOf(in.customerId(), in.contactId(), m.contactId);
    String response = m.response;
    copy(in, m);
    m.campaignId = in.campaignId();
    m.customerId = in.customerId();
    if (in.plannedAt() != null) {
      m.plannedAt = in.plannedAt();
    } else if (creating) {
      m.plannedAt =
          campaign.startDate != null
              ? campaign
                  .startDate
                  .atStartOfDay(dev.headlesscrm.platform.api.BusinessTime.ZONE)
                  .toInstant()
              : now();
    }
    if (in.respondedAt() != null) {
      m.respondedAt = in.respondedAt();
    } else if (in.response() == null) {
      m.respondedAt = null;
    } else if (!in.response().equals(response) || m.respondedAt == null) {
      m.respondedAt = now();
    }
    // The customer's owner works its membership (and sees it, within their scope): a rep sees
    // what marketing plans for their customers. It follows the customer when it moves.
    assignOwner(
        m,
        in.ownerId() != null || !creating
            ? in.ownerId()
            : (UUID) References.field(customer.orElseThrow(), "ownerId"),
        creating);
  }

  private static void unchanged(String field, Object was, Object now) {
    if (!Objects.equals(was, now)) {
      throw CrmException.invalidField(
          field,
          "immutable",
          Text.of(
              "A member stays on its campaign and customer; delete it and add another.",
              "成员所属的活动与客户不可更改；请删除后重新添加。"));
    }
  }

  @Override
  protected void afterSave(CampaignMember m, boolean created) {
    cares.recheckMarketing(List.of(m.customerId));
  }

  @Override
  protected void afterDeletedOrRestored(CampaignMember m) {
    cares.recheckMarketing(List.of(m.customerId));
  }
}
