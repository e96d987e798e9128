package dev.headlesscrm.platform.metadata;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headlesscrm.platform.api.Lang;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Field metadata (API.md §9). The answer depends on the caller (their permissions) and the
 * language; its ETag is a digest of the body, so a frontend revalidates cheaply with If-None-Match
 * and sees a change of permissions, dictionaries or declarations at once.
 */
@Path("/api/v1/metadata")
@Tag(name = "Metadata")
@Produces(MediaType.APPLICATION_JSON)
public class MetadataResource {

  @Inject MetadataService service;
  @Inject ObjectMapper json;

  @GET
  @Operation(
      operationId = "listResourceMetadata",
      summary = "The resources the caller may read, each with its fields",
      description =
          "Every resource the caller has the read permission on, with the metadata of"
              + " GET /api/v1/metadata/{resource}. Labels follow Accept-Language.")
  @APIResponse(
      responseCode = "200",
      description = "The resources (ETag; 304 with a matching If-None-Match)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ResourceMetadataList.class)))
  public Response list(
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    return cached(
        new ResourceMetadataList(service.resources(Lang.fromAcceptLanguage(language))),
        ifNoneMatch);
  }

  @GET
  @Path("{resource}")
  @Operation(
      operationId = "getResourceMetadata",
      summary = "Every field of one resource, for this caller",
      description =
          "Type, label, required, read-only, length and value bounds, dictionary or enum options,"
              + " filterable, sortable, relation target, and whether this caller sees and may write"
              + " each field (field permissions and sensitivity applied): enough to build create"
              + " and edit forms and list views without hard-coding.")
  @APIResponse(
      responseCode = "200",
      description = "The resource (ETag; 304 with a matching If-None-Match)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ResourceMetadata.class)))
  public Response get(
      @PathParam("resource") String resource,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    return cached(service.resource(resource, Lang.fromAcceptLanguage(language)), ifNoneMatch);
  }

  /** The list's body. */
  @Schema(name = "ResourceMetadataList")
  public record ResourceMetadataList(List<ResourceMetadata> data) {}

  private Response cached(Object body, String ifNoneMatch) {
    byte[] bytes;
    try {
      bytes = json.writeValueAsBytes(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    EntityTag tag = new EntityTag(digest(bytes));
    if (ifNoneMatch != null
        && (ifNoneMatch.trim().equals("*") || ifNoneMatch.contains("\"" + tag.getValue() + "\""))) {
      return Response.notModified(tag).build();
    }
    return Response.ok(new String(bytes, StandardCharsets.UTF_8), MediaType.APPLICATION_JSON)
        .tag(tag)
        .header(HttpHeaders.VARY, "Accept-Language, Authorization")
        .build();
  }

  private static String digest(byte[] bytes) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
