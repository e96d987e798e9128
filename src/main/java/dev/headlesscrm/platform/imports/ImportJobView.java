package dev.headlesscrm.platform.imports;

import dev.headlesscrm.platform.api.Versioned;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An import job as clients follow it: its settings, its progress and how it ended. */
@Type("Import")
@Schema(
    name = "Import",
    description =
        "A bulk import of one file into one resource, run in the background as its owner: every"
            + " row obeys the validation, permissions, history and events of a single call.")
public record ImportJobView(
    @Id UUID id,
    @Schema(
            description = "The resource the rows become",
            enumeration = {"customer", "contact", "lead", "product", "opportunity"})
        String resource,
    ImportFormat format,
    @Schema(description = "A CSV's text encoding", examples = "UTF-8") String encoding,
    String fileName,
    ImportStatus status,
    @Schema(description = "Every row checked as if written, and nothing kept") boolean dryRun,
    @Schema(description = "The file's first row names its columns") boolean hasHeader,
    DuplicateKey duplicateKey,
    OnDuplicate onDuplicate,
    List<ColumnMapping> mapping,
    @Schema(description = "Bytes uploaded so far") long fileSize,
    @Schema(description = "Parts uploaded so far") int fileParts,
    @Schema(description = "Data rows in the file (known once the job runs)") Long totalRows,
    @Schema(description = "Data rows read so far") long rowsRead,
    @Schema(description = "Rows that passed every check (written, or would be in a dry run)")
        long rowsValid,
    long created,
    long updated,
    @Schema(description = "Duplicates left alone (onDuplicate SKIP)") long skipped,
    @Schema(description = "Rows refused; GET /imports/{id}/errors has each with its reason")
        long failed,
    @Schema(description = "Rows done per second since the job started") Double rowsPerSecond,
    @Schema(description = "Seconds until the job should finish, while it runs") Long etaSeconds,
    Instant startedAt,
    Instant finishedAt,
    @Schema(
            description =
                "Why the service stopped the job (FAILED); while it is RUNNING, why its last run"
                    + " stopped before it was resumed")
        String failureReason,
    @Schema(description = "Who created it; rows are written with this person's permissions")
        UUID ownerId,
    UUID ownerDepartmentId,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {}
