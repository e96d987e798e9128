package dev.headlesscrm.platform.metadata.api;

import dev.headlesscrm.platform.api.Lang;
import dev.headlesscrm.platform.graphql.GraphQlProblems;
import dev.headlesscrm.platform.metadata.MetadataService;
import dev.headlesscrm.platform.metadata.ResourceMetadata;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Field metadata over GraphQL: the same service and answer as GET /api/v1/metadata. */
@GraphQLApi
@GraphQlProblems
public class MetadataGraphQlApi {

  @Inject MetadataService service;
  @Inject CurrentVertxRequest request;

  @Query("metadata")
  @Description("Every field of one resource, for this caller; labels follow Accept-Language.")
  public ResourceMetadata metadata(@NonNull String resource) {
    return service.resource(resource, lang());
  }

  @Query("resourceMetadata")
  @Description("The resources the caller may read, each with its fields.")
  public List<ResourceMetadata> resources() {
    return service.resources(lang());
  }

  private Lang lang() {
    var current = request.getCurrent();
    return Lang.fromAcceptLanguage(
        current == null ? null : current.request().getHeader("Accept-Language"));
  }
}
