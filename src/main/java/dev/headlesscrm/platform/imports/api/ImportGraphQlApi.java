package dev.headlesscrm.platform.imports.api;

import dev.headlesscrm.platform.api.Ids;
import dev.headlesscrm.platform.api.Lang;
import dev.headlesscrm.platform.graphql.GraphQlProblems;
import dev.headlesscrm.platform.imports.ImportInput;
import dev.headlesscrm.platform.imports.ImportInputs;
import dev.headlesscrm.platform.imports.ImportJobView;
import dev.headlesscrm.platform.imports.ImportMappingView;
import dev.headlesscrm.platform.imports.ImportService;
import dev.headlesscrm.platform.imports.ImportTemplateView;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * Import jobs over GraphQL: the REST services. The file's parts and the error file are bytes, and
 * stay REST (PUT /imports/{id}/parts/{part}, GET /imports/{id}/errors); the jobs themselves are the
 * derived {@code import} and {@code imports} queries.
 */
@GraphQLApi
@GraphQlProblems
public class ImportGraphQlApi {

  @Inject ImportService imports;
  @Inject CurrentVertxRequest request;

  private Lang lang() {
    var current = request.getCurrent();
    return Lang.fromAcceptLanguage(
        current == null ? null : current.request().getHeader("Accept-Language"));
  }

  @Mutation("createImport")
  @Description("An import job waiting for its file (as POST /imports); upload it over REST")
  public ImportJobView createImport(@Name("input") @NonNull ImportInput input) {
    return imports.create(input, lang());
  }

  @Mutation("startImport")
  @Description("Queues an import whose file is uploaded (as POST /imports/{id}/start)")
  public ImportJobView startImport(@Id @NonNull String id) {
    return imports.start(Ids.parse(id));
  }

  @Mutation("cancelImport")
  @Description("Cancels an import; rows already written stay (as POST /imports/{id}/cancel)")
  public ImportJobView cancelImport(@Id @NonNull String id) {
    return imports.cancel(Ids.parse(id));
  }

  @Query("importErrors")
  @Description(
      "The rows an import refused, in line order, with reasons and cells (as GET"
          + " /imports/{id}/errors, paged)")
  public ImportErrorPage importErrors(
      @Id @NonNull String id, @Name("first") Integer first, @Name("after") String after) {
    var page =
        imports.errorRows(Ids.parse(id), dev.headlesscrm.platform.api.PageRequest.of(first, after));
    return new ImportErrorPage(page.data(), page.page().nextCursor(), page.page().hasMore());
  }

  /** One page of refused rows; pass nextCursor back as after. */
  @org.eclipse.microprofile.graphql.Type("ImportErrorPage")
  public record ImportErrorPage(
      List<dev.headlesscrm.platform.imports.ImportErrorView> errors,
      String nextCursor,
      boolean hasMore) {}

  @Query("importTemplate")
  @Description("The columns an import of the resource takes, for the caller")
  public ImportTemplateView importTemplate(@NonNull String resource) {
    return imports.template(resource, lang());
  }

  @Query("importMappings")
  @Description("The caller's saved column mappings")
  public List<ImportMappingView> importMappings(String resource) {
    return imports.mappings(resource);
  }

  @Mutation("saveImportMapping")
  @Description("Creates or replaces one of the caller's column mappings")
  public ImportMappingView saveImportMapping(
      @NonNull String resource,
      @NonNull String name,
      @Name("input") @NonNull ImportInputs.SaveMapping input) {
    return imports.saveMapping(resource, name, input.mapping());
  }

  @Mutation("deleteImportMapping")
  @Description("Deletes one of the caller's column mappings; true when it existed")
  public boolean deleteImportMapping(@NonNull String resource, @NonNull String name) {
    imports.deleteMapping(resource, name);
    return true;
  }
}
