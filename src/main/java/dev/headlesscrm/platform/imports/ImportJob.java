package dev.headlesscrm.platform.imports;

import dev.headlesscrm.platform.persistence.OwnedEntity;
import dev.headlesscrm.platform.security.StoredCaller;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A bulk import: a file of rows for one resource, how its columns map to fields, what to do with
 * duplicates, and how far the work has got. Owned by whoever created it, whose permissions every
 * row is written with.
 */
@Entity
@Table(name = "import_jobs")
public class ImportJob extends OwnedEntity {

  @Column(name = "target_resource", nullable = false, length = 64)
  public String targetResource;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  public ImportFormat format;

  /** UTF-8 or GB18030, for CSV. */
  @Column(nullable = false, length = 16)
  public String encoding;

  @Column(name = "file_name", length = 255)
  public String fileName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public ImportStatus status;

  @Column(name = "dry_run", nullable = false)
  public boolean dryRun;

  @Column(name = "has_header", nullable = false)
  public boolean hasHeader;

  @Enumerated(EnumType.STRING)
  @Column(name = "duplicate_key", nullable = false, length = 20)
  public DuplicateKey duplicateKey;

  @Enumerated(EnumType.STRING)
  @Column(name = "on_duplicate", nullable = false, length = 10)
  public OnDuplicate onDuplicate;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  public List<ColumnMapping> mapping = new ArrayList<>();

  @Column(nullable = false, length = 8)
  public String language;

  @Column(name = "file_size", nullable = false)
  public long fileSize;

  @Column(name = "file_parts", nullable = false)
  public int fileParts;

  @JdbcTypeCode(SqlTypes.ARRAY)
  public List<String> headers;

  @Column(name = "total_rows")
  public Long totalRows;

  @Column(name = "next_row", nullable = false)
  public long nextRow;

  @Column(name = "rows_read", nullable = false)
  public long rowsRead;

  @Column(name = "rows_valid", nullable = false)
  public long rowsValid;

  @Column(name = "created_count", nullable = false)
  public long createdCount;

  @Column(name = "updated_count", nullable = false)
  public long updatedCount;

  @Column(name = "skipped_count", nullable = false)
  public long skippedCount;

  @Column(name = "failed_count", nullable = false)
  public long failedCount;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "finished_at")
  public Instant finishedAt;

  @Column(name = "failure_reason", length = 1000)
  public String failureReason;

  @Column(name = "lease_owner", length = 64)
  public String leaseOwner;

  @Column(name = "lease_until")
  public Instant leaseUntil;

  @Column(nullable = false)
  public int runs;

  /** Whose permissions the rows are written with. */
  @Embedded public StoredCaller actingAs;
}
