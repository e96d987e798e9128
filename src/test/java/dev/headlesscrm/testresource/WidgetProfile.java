package dev.headlesscrm.testresource;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Serves the widgets: a build of its own, so the default one (and its contracts) never has them.
 */
public class WidgetProfile implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("crm.test-resource", "true");
  }
}
