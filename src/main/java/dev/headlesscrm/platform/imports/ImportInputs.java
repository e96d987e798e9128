package dev.headlesscrm.platform.imports;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the import routes besides the job's own settings. */
public final class ImportInputs {
  private ImportInputs() {}

  /** PUT /imports/mappings/{resource}/{name}. */
  @Input("ImportMappingInput")
  @Schema(name = "ImportMappingInput")
  public record SaveMapping(
      @NotNull @Size(min = 1, max = 500) List<@Valid ColumnMapping> mapping) {}
}
