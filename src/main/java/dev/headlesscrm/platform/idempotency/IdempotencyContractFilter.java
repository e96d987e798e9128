package dev.headlesscrm.platform.idempotency;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/** Declares the optional {@code Idempotency-Key} header on every POST, PUT and PATCH under /api. */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class IdempotencyContractFilter implements OASFilter {

  static final String PARAMETER = "IdempotencyKey";

  @Override
  public void filterOpenAPI(OpenAPI openApi) {
    openApi
        .getComponents()
        .addParameter(
            PARAMETER,
            OASFactory.createParameter()
                .name(IdempotencyFilters.HEADER)
                .in(Parameter.In.HEADER)
                .required(false)
                .description(
                    "Makes the write safe to retry: the first answer is stored for this caller and"
                        + " key for at least 24 h and replayed (with Idempotency-Replayed: true) to"
                        + " a retry of the same request; the key reused for a different request is"
                        + " 422, a retry while the first still runs is 409.")
                .schema(
                    OASFactory.createSchema()
                        .type(List.of(Schema.SchemaType.STRING))
                        .minLength(1)
                        .maxLength(IdempotencyFilters.MAX_KEY_LENGTH))
                .example("7c0e1f6a-3b0e-4d8e-9a51-2f1f0d6c9b12"));
    if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
      return;
    }
    openApi
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) -> {
              if (!path.startsWith("/api/")) {
                return;
              }
              item.getOperations()
                  .forEach(
                      (method, operation) -> {
                        if (method == PathItem.HttpMethod.POST
                            || method == PathItem.HttpMethod.PUT
                            || method == PathItem.HttpMethod.PATCH) {
                          operation.addParameter(OASFactory.createParameter().ref(PARAMETER));
                        }
                      });
            });
  }
}
