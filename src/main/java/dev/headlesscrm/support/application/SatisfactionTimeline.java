package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.query.SqlFragment;
import dev.headlesscrm.platform.security.AccessPolicy;
import dev.headlesscrm.platform.security.Action;
import dev.headlesscrm.platform.timeline.TimelineSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;

/** Service's timeline entries: the customer's answered satisfaction surveys and return visits. */
@ApplicationScoped
public class SatisfactionTimeline {

  @Inject AccessPolicy access;

  @Produces
  TimelineSource satisfaction() {
    return TimelineSource.of(
        "satisfaction",
        customer -> {
          if (!access.allowed(SatisfactionSurveyService.RESOURCE, Action.READ)) {
            return Optional.empty();
          }
          return Optional.of(
              TimelineSource.branch(
                  "SELECT t.answered_at AS at, t.id AS id, 'satisfaction' AS kind,"
                      + " 'satisfaction-survey' AS resource, t.id AS record_id,"
                      + " CASE t.kind WHEN 'SERVICE' THEN '服务满意度' WHEN 'DELIVERY' THEN '交付满意度'"
                      + " ELSE '回访' END AS title, t.created_by AS actor, jsonb_build_object("
                      + "'surveyKind', t.kind, 'score', t.score, 'nps', t.nps, 'comment', t.comment,"
                      + " 'requestId', t.request_id, 'orderId', t.order_id) AS detail"
                      + " FROM satisfaction_surveys t WHERE t.customer_id = ? AND t.deleted_at IS NULL"
                      + " AND t.status = 'ANSWERED' AND ",
                  customer,
                  SqlFragment.TRUE));
        });
  }
}
