package dev.headlesscrm.platform.records;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headlesscrm.platform.api.Lang;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.PageRequest;
import dev.headlesscrm.platform.api.RestResponses;
import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.platform.audit.HistoryEntryView;
import dev.headlesscrm.platform.export.ExportFormat;
import dev.headlesscrm.platform.query.ListQuery;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/**
 * The read routes every resource has (API.md §1), written once: list, search, export, get and
 * history. Records the system computes, which clients read and act on but never write
 * (commissions...), extend this alone; records clients write extend {@link RecordResource}, which
 * adds the write routes. Thin: each route parses, calls one service method, and maps the result.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class ReadOnlyRecordResource<V extends Versioned> {

  @Context protected UriInfo uri;
  @Context protected HttpHeaders headers;

  protected abstract RecordService<?, V, ?> service();

  /** The view record, whose components are the fields {@code fields=} may name. */
  protected abstract Class<V> viewType();

  /** The resource these routes serve, and their path, for metadata. */
  public Route route() {
    Class<?> type = getClass();
    while (type != null && type.getAnnotation(jakarta.ws.rs.Path.class) == null) {
      type = type.getSuperclass();
    }
    return new Route(
        service().resource(),
        type == null ? null : type.getAnnotation(jakarta.ws.rs.Path.class).value(),
        viewType(),
        this instanceof RecordResource<?> ? service().inputType() : null,
        this instanceof OwnedRecordResource<?>,
        service());
  }

  /**
   * A resource name, its collection path ({@code /api/v1/customers}), its view, its input (null
   * when clients never write it) and whether it is owned (team routes): what the GraphQL twin and
   * the metadata are derived from.
   */
  public record Route(
      String resource,
      String path,
      Class<?> view,
      Class<?> input,
      boolean owned,
      RecordService<?, ?, ?> service) {}

  @GET
  public Page<JsonNode> list(
      @QueryParam("filter") String filter,
      @QueryParam("q") String q,
      @QueryParam("sort") String sort,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @QueryParam("fields") String fields,
      @QueryParam("expand") String expand,
      @QueryParam("count") Boolean count,
      @QueryParam("includeDeleted") Boolean includeDeleted) {
    return service()
        .listShaped(
            ListQuery.of(filter, q, sort, limit, cursor, fields, expand, count, includeDeleted),
            viewType());
  }

  @POST
  @Path("search")
  @Consumes(MediaType.APPLICATION_JSON)
  public Page<JsonNode> search(ListQuery query) {
    return service()
        .listShaped(query == null ? ListQuery.firstPage(null, null) : query, viewType());
  }

  @GET
  @Path("export")
  @Produces({
    "text/csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    MediaType.APPLICATION_JSON
  })
  public Response export(
      @QueryParam("format") String format,
      @QueryParam("filter") String filter,
      @QueryParam("q") String q,
      @QueryParam("sort") String sort) {
    ExportFormat exportFormat = ExportFormat.parse(format == null ? "csv" : format);
    ListQuery query = ListQuery.of(filter, q, sort, null, null, null, null, null, null);
    // The file is named after the collection (product-categories.csv, not product-categorys).
    String collection = uri.getPath().substring(0, uri.getPath().lastIndexOf("/export"));
    String name = collection.substring(collection.lastIndexOf('/') + 1);
    return Response.ok(
            service().export(query, exportFormat, name, viewType()), exportFormat.mediaType())
        .header("Content-Disposition", exportFormat.contentDisposition(name))
        .build();
  }

  @GET
  @Path("{id}")
  public Response get(
      @PathParam("id") UUID id, @HeaderParam(RestResponses.IF_NONE_MATCH) String ifNoneMatch) {
    return RestResponses.read(service().get(id), ifNoneMatch);
  }

  @GET
  @Path("{id}/history")
  public Page<HistoryEntryView> history(
      @PathParam("id") UUID id,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor,
      @QueryParam("includeDeleted") boolean includeDeleted) {
    return service().history(id, PageRequest.of(limit, cursor), includeDeleted);
  }

  protected Lang lang() {
    return Lang.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
  }
}
