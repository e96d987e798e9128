package dev.headlesscrm.platform.approval;

import static dev.headlesscrm.platform.approval.Approvals.decide;
import static dev.headlesscrm.platform.approval.Approvals.submitProbe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Approvals to decide reach the approvers (issue 13): a notification when a step starts awaiting
 * them, and a reminder while it does.
 */
@QuarkusTest
class ApprovalNotificationTest {

  static List<Map<String, Object>> about(String user, String path, String kind, String record) {
    List<Map<String, Object>> all =
        Api.as(user)
            .queryParam("kind", kind)
            .queryParam("limit", 500)
            .get(path)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("data");
    return all.stream().filter(n -> record.equals(n.get("recordId"))).toList();
  }

  @Test
  void eachStepsApproversAreToldAndRemindedWhileItAwaitsThem() {
    UUID record = UUID.randomUUID();
    String id = submitProbe(record);
    String me = "/api/v1/me/notifications";
    String reminders = "/api/v1/me/reminders";
    List<Map<String, Object>> wang =
        about("manager.wang", me, "approval-waiting", record.toString());
    assertEquals(1, wang.size());
    assertEquals(id, ((Map<?, ?>) wang.get(0).get("data")).get("approvalId"));
    assertEquals(1, about("manager.wang", reminders, "approval", record.toString()).size());
    assertTrue(about("analyst.liu", me, "approval-waiting", record.toString()).isEmpty());

    decide("manager.wang", id, "approve", null).statusCode(200);
    assertTrue(about("manager.wang", reminders, "approval", record.toString()).isEmpty());
    // Step 2 awaits both of its approvers: each is told once.
    assertEquals(1, about("analyst.liu", me, "approval-waiting", record.toString()).size());
    assertEquals(1, about("admin.li", me, "approval-waiting", record.toString()).size());
    decide("analyst.liu", id, "approve", null).statusCode(200);
    assertEquals(1, about("admin.li", me, "approval-waiting", record.toString()).size());
  }
}
