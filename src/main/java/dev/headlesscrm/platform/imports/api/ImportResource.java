package dev.headlesscrm.platform.imports.api;

import dev.headlesscrm.platform.api.RestResponses;
import dev.headlesscrm.platform.export.ExportFormat;
import dev.headlesscrm.platform.imports.ImportInput;
import dev.headlesscrm.platform.imports.ImportInputs;
import dev.headlesscrm.platform.imports.ImportJobView;
import dev.headlesscrm.platform.imports.ImportMappingView;
import dev.headlesscrm.platform.imports.ImportService;
import dev.headlesscrm.platform.imports.ImportTemplateView;
import dev.headlesscrm.platform.records.ReadOnlyRecordResource;
import dev.headlesscrm.platform.records.RecordService;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Bulk import jobs: create one, upload its file in parts, start it, follow it, cancel it, read its
 * error file; the templates of what may be imported, and the column mappings callers keep.
 */
@Path("/api/v1/imports")
@Tag(name = "Imports")
public class ImportResource extends ReadOnlyRecordResource<ImportJobView> {

  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @Inject ImportService service;

  @Override
  protected RecordService<?, ImportJobView, ?> service() {
    return service;
  }

  @Override
  protected Class<ImportJobView> viewType() {
    return ImportJobView.class;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createImport",
      summary = "Create an import job (then upload its file in parts and start it)",
      description =
          "Settings of the import: the resource (customer, contact, lead, product, opportunity),"
              + " the file's format, how columns map to fields (given, saved, or by header), the"
              + " duplicate key and policy, and dryRun. The job waits in UPLOADING for its file:"
              + " PUT /imports/{id}/parts/1, 2, … (each at most 8 MiB), then POST"
              + " /imports/{id}/start. Rows are written with the creator's permissions; error"
              + " reasons follow Accept-Language.")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ImportJobView.class)))
  public Response create(@Valid @NotNull ImportInput input) {
    return RestResponses.created(uri, service.create(input, lang()));
  }

  @PUT
  @Path("{id}/parts/{part}")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "uploadImportPart",
      summary = "Upload one part of an import's file",
      description =
          "The file's bytes from where the previous part ended, at most 8 MiB"
              + " (crm.imports.max-part-bytes); any content type. Parts are numbered from 1 and"
              + " joined in number order; sending a part again replaces it. The job must be"
              + " UPLOADING. Answers the job with fileSize and fileParts.")
  @RequestBody(
      content = {
        @Content(
            mediaType = "application/octet-stream",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  public Response uploadPart(
      @PathParam("id") UUID id,
      @Parameter(description = "The part's number, from 1") @PathParam("part") int part,
      InputStream body) {
    return RestResponses.updated(service.uploadPart(id, part, body));
  }

  @POST
  @Path("{id}/start")
  @Operation(
      operationId = "startImport",
      summary = "Start an import whose file is uploaded",
      description =
          "QUEUED at once; a replica runs it in the background. Follow GET /imports/{id}"
              + " (rowsRead, created, updated, skipped, failed, etaSeconds); the import.completed"
              + " or import.failed event says when it ends.")
  @APIResponse(
      responseCode = "202",
      description = "Queued",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ImportJobView.class)))
  public Response start(@PathParam("id") UUID id) {
    return RestResponses.accepted(service.start(id));
  }

  @POST
  @Path("{id}/cancel")
  @Operation(
      operationId = "cancelImport",
      summary = "Cancel an import",
      description =
          "CANCELLED at once; a running job stops before its next rows are committed. Rows"
              + " already written stay (the counts say how many); a dry run wrote none.")
  public Response cancel(@PathParam("id") UUID id) {
    return RestResponses.updated(service.cancel(id));
  }

  @GET
  @Path("{id}/errors")
  @Produces({"text/csv", XLSX, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "getImportErrors",
      summary = "The rows an import refused, with the reasons",
      description =
          "One row per refused row: its line in the file, the reason, then its cells under the"
              + " file's own headers, so it can be fixed and imported again. format=csv"
              + " (default) or xlsx.")
  public Response errors(
      @PathParam("id") UUID id,
      @Parameter(schema = @Schema(enumeration = {"csv", "xlsx"})) @QueryParam("format")
          String format) {
    ExportFormat f = ExportFormat.parse(format == null ? "csv" : format);
    return Response.ok(service.errors(id, f), f.mediaType())
        .header("Content-Disposition", f.contentDisposition("import-" + id + "-errors"))
        .build();
  }

  @GET
  @Path("templates/{resource}")
  @Produces({MediaType.APPLICATION_JSON, "text/csv", XLSX})
  @Operation(
      operationId = "getImportTemplate",
      summary = "What an import of a resource takes: columns, labels, an example row",
      description =
          "Every field the caller may write, custom fields included, with its label (in the"
              + " language of Accept-Language), type, the values it takes and an example; and the"
              + " duplicate keys the resource offers. format=csv or xlsx gives the template as"
              + " a file: the labels as headers (which imports map by themselves) and the example"
              + " row.")
  @APIResponse(
      responseCode = "200",
      description = "The template",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ImportTemplateView.class)),
        @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  public Response template(
      @Parameter(
              description = "customer, contact, lead, product or opportunity",
              example = "customer")
          @PathParam("resource")
          String resource,
      @Parameter(schema = @Schema(enumeration = {"json", "csv", "xlsx"})) @QueryParam("format")
          String format) {
    if (format == null || format.equalsIgnoreCase("json")) {
      return Response.ok(service.template(resource, lang()), MediaType.APPLICATION_JSON).build();
    }
    ExportFormat f = ExportFormat.parse(format);
    return Response.ok(service.templateFile(resource, f, lang()), f.mediaType())
        .header("Content-Disposition", f.contentDisposition(resource + "-import-template"))
        .build();
  }

  @GET
  @Path("mappings")
  @Operation(
      operationId = "listImportMappings",
      summary = "The caller's saved column mappings",
      description =
          "Mappings the caller saved (PUT /imports/mappings/{resource}/{name}, or saveMappingAs"
              + " on POST /imports); an import without a mapping uses the one named default.")
  public Map<String, List<ImportMappingView>> mappings(
      @Parameter(description = "Only this resource's") @QueryParam("resource") String resource) {
    return Map.of("data", service.mappings(resource));
  }

  @PUT
  @Path("mappings/{resource}/{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "saveImportMapping",
      summary = "Save one of the caller's column mappings",
      description = "Creates or replaces the caller's mapping of this name for the resource.")
  public ImportMappingView saveMapping(
      @Parameter(description = "customer, contact, lead, product or opportunity")
          @PathParam("resource")
          String resource,
      @Parameter(description = "The mapping's name; default is used when an import gives none")
          @PathParam("name")
          String name,
      @Valid @NotNull ImportInputs.SaveMapping body) {
    return service.saveMapping(resource, name, body.mapping());
  }

  @DELETE
  @Path("mappings/{resource}/{name}")
  @Operation(
      operationId = "deleteImportMapping",
      summary = "Delete one of the caller's mappings",
      description = "Imports already created keep the mapping they were given.")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response deleteMapping(
      @Parameter(description = "customer, contact, lead, product or opportunity")
          @PathParam("resource")
          String resource,
      @Parameter(description = "The mapping's name") @PathParam("name") String name) {
    service.deleteMapping(resource, name);
    return Response.noContent().build();
  }
}
