package dev.headlesscrm.platform.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.graphql.GraphQlProblems;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** System parameters over GraphQL: the same service as /api/v1/settings. */
@GraphQLApi
@GraphQlProblems
public class SettingsGraphQlApi {

  @Inject SettingsService service;
  @Inject ObjectMapper json;

  @Query("settings")
  @Description("Every system parameter with its value; values are JSON text.")
  public List<SettingView> settings() {
    return service.list();
  }

  @Query("setting")
  @Description("One system parameter; its value is JSON text.")
  public SettingView setting(@NonNull String key) {
    return service.get(key);
  }

  @Mutation("putSetting")
  @Description(
      "Changes a system parameter (administrators). value is JSON text, e.g. \"30\" or"
          + " \"\\\"CNY\\\"\"; expectedVersion guards against lost updates.")
  public SettingView putSetting(
      @NonNull String key, @NonNull String value, BigInteger expectedVersion) {
    JsonNode parsed;
    try {
      parsed = json.readTree(value);
    } catch (JsonProcessingException e) {
      throw CrmException.malformed(
          Text.of(
              "value must be JSON text, e.g. 30 or \"CNY\".", "value 须为 JSON 文本，如 30 或 \"CNY\"。"));
    }
    return service.put(key, parsed, expectedVersion == null ? null : expectedVersion.longValue());
  }
}
