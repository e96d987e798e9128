package dev.headlesscrm.marketing.application;

import dev.headlesscrm.platform.query.FieldVisibility;
import dev.headlesscrm.platform.security.AccessPolicy;
import dev.headlesscrm.platform.security.Action;
import dev.headlesscrm.platform.security.DataScope;
import dev.headlesscrm.platform.timeline.TimelineSource;
import dev.headlesscrm.platform.timeline.Timelines;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Marketing's timeline entries: the customer's marketing contacts (made, else planned), titled by
 * the campaign, within the caller's scope over target lists.
 */
@ApplicationScoped
public class MarketingTimeline {

  @Inject AccessPolicy access;
  @Inject DataScope dataScope;
  @Inject FieldVisibility fields;

  @Produces
  TimelineSource marketing() {
    return TimelineSource.of(
        "marketing",
        customer -> {
          if (!access.allowed(CampaignMemberService.RESOURCE, Action.READ)) {
            return Optional.empty();
          }
          String r = CampaignMemberService.RESOURCE;
          return Optional.of(
              TimelineSource.branch(
                  "SELECT COALESCE(t.contacted_at, t.planned_at) AS at, t.id AS id,"
                      + " 'marketing' AS kind, 'campaign-member' AS resource, t.id AS record_id,"
                      + " c.name AS title, t.owner_id AS actor, jsonb_build_object('campaignId',"
                      + " t.campaign_id, 'campaignStatus', c.status, 'contactId', t.contact_id,"
                      + " 'contactedAt', t.contacted_at, 'response', "
                      + Timelines.visible(fields, r, "response", "t.response")
                      + ") AS detail FROM campaign_members t JOIN campaigns c"
                      + " ON c.id = t.campaign_id"
                      + " WHERE t.customer_id = ? AND t.deleted_at IS NULL AND ",
                  customer,
                  dataScope.condition(r, "t")));
        });
  }
}
