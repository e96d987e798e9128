package dev.headlesscrm.platform.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headlesscrm.platform.events.EventsTestSupport;
import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The values the code obeys are held in each pod: a change through the API is in force at once, and
 * one written by another pod (here: straight into the table, as another pod's transaction would)
 * within the version poll.
 */
@QuarkusTest
class SettingsCacheTest {

  @Inject SettingsService settings;
  @Inject EventsTestSupport sql;

  @Test
  void aChangeIsInForceHereAtOnceAndFromAnotherPodWithinASecond() throws Exception {
    Setting s = Setting.BIRTHDAY_REMINDER_DAYS;
    int before = settings.value(s).asInt();
    try {
      Api.asAdmin()
          .body(Map.of("value", before + 1))
          .put("/api/v1/settings/" + s.key())
          .then()
          .statusCode(200);
      assertEquals(before + 1, settings.value(s).asInt(), "this pod, at once");

      sql.execute(
          "UPDATE system_settings SET value = CAST(?1 AS jsonb), version = version + 1"
              + " WHERE key = ?2",
          String.valueOf(before + 2),
          s.key());
      long deadline = System.nanoTime() + 1_000_000_000L;
      int seen = settings.value(s).asInt();
      while (seen != before + 2 && System.nanoTime() < deadline) {
        Thread.sleep(50);
        seen = settings.value(s).asInt();
      }
      assertEquals(before + 2, seen, "another pod's change within a second");
    } finally {
      Api.asAdmin()
          .body(Map.of("value", before))
          .put("/api/v1/settings/" + s.key())
          .then()
          .statusCode(200);
    }
  }
}
