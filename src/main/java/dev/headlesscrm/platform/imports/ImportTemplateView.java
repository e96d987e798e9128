package dev.headlesscrm.platform.imports;

import java.util.List;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The columns an import of a resource takes, for the calling user, with an example row. */
@Type("ImportTemplate")
@Schema(name = "ImportTemplate")
public record ImportTemplateView(
    @Schema(examples = "customer") String resource,
    @Schema(description = "Every field the caller may write, custom fields included")
        List<ImportColumn> columns,
    @Schema(description = "Which columns identify a stored record, for duplicateKey")
        List<DuplicateKey> duplicateKeys) {}
