package dev.headlesscrm.platform.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.ETags;
import dev.headlesscrm.platform.api.RestResponses;
import dev.headlesscrm.platform.api.Text;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** System parameters (系统参数). */
@Path("/api/v1/settings")
@Tag(name = "Settings")
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

  @Inject SettingsService service;

  @GET
  @Operation(
      operationId = "listSettings",
      description =
          "Every system parameter (decimal places, reminder days, approval thresholds...) with its value, type, default and description.",
      summary = "Every system parameter with its value")
  public Map<String, List<SettingView>> list() {
    return Map.of("data", service.list());
  }

  @GET
  @Path("{key}")
  @Operation(
      operationId = "getSetting",
      description = "One system parameter with its value, type, default and description (ETag).",
      summary = "One system parameter (ETag)")
  public Response get(@PathParam("key") String key) {
    SettingView view = service.get(key);
    return Response.ok(view).tag(new EntityTag(String.valueOf(view.version()), true)).build();
  }

  @PUT
  @Path("{key}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "putSetting",
      description =
          "Changes one system parameter (administrators) with a body {\"value\": ...} of the parameter's type; the value is validated and in force from the next request.",
      summary = "Change a system parameter (administrators): {\"value\": ...}")
  public Response put(
      @PathParam("key") String key,
      @HeaderParam(RestResponses.IF_MATCH) String ifMatch,
      JsonNode body) {
    if (body == null || !body.isObject() || !body.has("value") || body.size() != 1) {
      throw CrmException.malformed(Text.of("Send {\"value\": ...}.", "请求体须为 {\"value\": ...}。"));
    }
    SettingView view = service.put(key, body.get("value"), ETags.expectedVersion(ifMatch));
    return Response.ok(view).tag(new EntityTag(String.valueOf(view.version()), true)).build();
  }
}
