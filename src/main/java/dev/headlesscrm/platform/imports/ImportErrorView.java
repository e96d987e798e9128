package dev.headlesscrm.platform.imports;

import java.util.List;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A row an import refused: its line in the file, why, and its cells as the file had them. */
@Type("ImportError")
@Schema(name = "ImportError")
public record ImportErrorView(
    @Schema(description = "1-based, as a spreadsheet numbers the file's lines") long line,
    String reason,
    @Schema(description = "The row's cells, under the job's headers") List<String> cells) {}
