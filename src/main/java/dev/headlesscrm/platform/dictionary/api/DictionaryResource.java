package dev.headlesscrm.platform.dictionary.api;

import dev.headlesscrm.platform.dictionary.DictionaryEntry;
import dev.headlesscrm.platform.dictionary.DictionaryEntryInput;
import dev.headlesscrm.platform.dictionary.DictionaryService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The configurable value lists (字典) behind customers' coded fields. */
@Path("/api/v1/dictionaries")
@Tag(name = "Customers")
@Produces(MediaType.APPLICATION_JSON)
public class DictionaryResource {

  @Inject DictionaryService service;

  @GET
  @Operation(
      operationId = "listDictionaries",
      description =
          "Every dictionary kind (industry, customer level, lead source...) with the resource fields that take its codes.",
      summary = "The dictionary kinds, by the customer field that uses each")
  public Map<String, String> kinds() {
    return service.kinds();
  }

  @GET
  @Path("{kind}")
  @Operation(
      operationId = "getDictionary",
      description =
          "The entries of one dictionary in display order, inactive ones included (flagged), with zh-CN and English labels.",
      summary = "The entries of one dictionary, in order")
  public Map<String, List<DictionaryEntry>> entries(@PathParam("kind") String kind) {
    return Map.of("data", service.entries(kind));
  }

  @PUT
  @Path("{kind}/{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "putDictionaryEntry",
      description =
          "Creates or changes one entry of a dictionary (administrators). Entries are never deleted: set active=false and old records keep their code while new writes refuse it.",
      summary = "Add or change a dictionary entry (administrators; deactivate instead of delete)")
  public DictionaryEntry put(
      @PathParam("kind") String kind, @PathParam("code") String code, DictionaryEntryInput input) {
    return service.put(kind, code, input);
  }
}
