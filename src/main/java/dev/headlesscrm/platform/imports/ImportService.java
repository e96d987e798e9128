package dev.headlesscrm.platform.imports;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Lang;
import dev.headlesscrm.platform.api.ProblemType;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.export.ExportColumn;
import dev.headlesscrm.platform.export.ExportFormat;
import dev.headlesscrm.platform.export.ExportWriter;
import dev.headlesscrm.platform.export.ExportWriters;
import dev.headlesscrm.platform.persistence.Clock;
import dev.headlesscrm.platform.persistence.Sql;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.platform.records.References;
import dev.headlesscrm.platform.security.Action;
import dev.headlesscrm.platform.security.Caller;
import dev.headlesscrm.platform.security.CurrentPrincipal;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Import jobs: created with their settings, given their file in parts, started, followed and
 * cancelled; their error files, the templates and the mappings callers keep. The rows are worked
 * through by {@link ImportRunner}.
 */
@ApplicationScoped
public class ImportService extends RecordService<ImportJob, ImportJobView, Void> {

  private static final RecordDefinition<ImportJob, ImportJobView, Void> DEFINITION =
      RecordDefinition.readOnly(
          ImportResources.IMPORTS,
          ImportJob.class,
          ImportJobView.class,
          Map.of(
              "resource", j -> j.targetResource,
              "created", j -> j.createdCount,
              "updated", j -> j.updatedCount,
              "skipped", j -> j.skippedCount,
              "failed", j -> j.failedCount,
              "rowsPerSecond", ImportService::rate,
              "etaSeconds", ImportService::eta));

  @Inject CurrentPrincipal principal;
  @Inject ImportFields fields;

  /** Looked up when used: record services are made before runtime configuration is there. */
  @Inject Instance<ImportsConfig> config;

  @Inject Sql sql;
  @Inject References services;
  @Inject @Any Instance<ImportDuplicates> duplicateChecks;

  @Override
  protected RecordDefinition<ImportJob, ImportJobView, Void> definition() {
    return DEFINITION;
  }

  @Override
  protected void apply(Void input, ImportJob entity, boolean creating) {
    throw new IllegalStateException("import jobs are made by POST /imports");
  }

  static Double rate(ImportJob j) {
    if (j.startedAt == null || j.rowsRead == 0) {
      return null;
    }
    Instant end = j.finishedAt != null ? j.finishedAt : Clock.now();
    double seconds = Math.max(0.001, Duration.between(j.startedAt, end).toMillis() / 1000.0);
    return Math.round(j.rowsRead / seconds * 10) / 10.0;
  }

  static Long eta(ImportJob j) {
    Double rate = rate(j);
    if (j.status != ImportStatus.RUNNING || j.totalRows == null || rate == null || rate <= 0) {
      return null;
    }
    return (long) Math.ceil(Math.max(0, j.totalRows - j.rowsRead) / rate);
  }

  // --- Creating and uploading --------------------------------------------------------------

  /** POST /imports: the job, waiting for its file. */
  @Transactional
  public ImportJobView create(ImportInput in, Lang lang) {
    access.require(resource(), Action.CREATE);
    validator.valid(in);
    ImportFields.Fields importable = fields.of(in.resource());
    access.require(in.resource(), Action.CREATE);
    boolean hasHeader = in.hasHeader() == null || in.hasHeader();
    DuplicateKey key = in.duplicateKey() == null ? DuplicateKey.NONE : in.duplicateKey();
    OnDuplicate onDuplicate = in.onDuplicate() == null ? OnDuplicate.SKIP : in.onDuplicate();
    if (in.mapping() != null && in.mappingName() != null) {
      throw CrmException.invalidField(
          "mappingName",
          "exclusive",
          Text.of("Give mapping or mappingName, not both.", "mapping 与 mappingName 只能给一个。"));
    }
    List<ColumnMapping> mapping = in.mapping();
    if (mapping == null) {
      String name = in.mappingName() == null ? "default" : in.mappingName();
      mapping = savedMapping(in.resource(), name).orElse(null);
      if (mapping == null && in.mappingName() != null) {
        throw CrmException.invalidField(
            "mappingName",
            "not-found",
            Text.of(
                "You have no saved mapping of this name for " + in.resource() + ".",
                "您没有保存此名称的 " + in.resource() + " 映射。"));
      }
    }
    if (mapping != null) {
      checkMapping(mapping, importable, hasHeader);
    }
    checkDuplicateKey(in.resource(), key, importable, mapping);
    if (in.saveMappingAs() != null) {
      if (mapping == null) {
        throw CrmException.invalidField(
            "saveMappingAs", "no-mapping", Text.of("There is no mapping to save.", "没有可保存的映射。"));
      }
      saveMapping(in.resource(), in.saveMappingAs(), mapping);
    }
    ImportJob job = new ImportJob();
    job.targetResource = in.resource();
    job.format = in.format();
    job.encoding = encoding(in.encoding());
    job.fileName = in.fileName();
    job.status = ImportStatus.UPLOADING;
    job.dryRun = Boolean.TRUE.equals(in.dryRun());
    job.hasHeader = hasHeader;
    job.duplicateKey = key;
    job.onDuplicate = onDuplicate;
    job.mapping = mapping == null ? new ArrayList<>() : new ArrayList<>(mapping);
    job.language = lang.name();
    Caller caller = principal.caller();
    var me = principal.resolve();
    job.ownerId = me.id();
    job.ownerDepartmentId = me.departmentId();
    job.actingAs = dev.headlesscrm.platform.security.StoredCaller.of(caller);
    em.persist(job);
    em.flush();
    ImportJobView view = view(job);
    record(job, "created", changeLog.diff(null, view), view);
    return view;
  }

  private static String encoding(String given) {
    if (given == null || given.isBlank()) {
      return "UTF-8";
    }
    String name = given.strip().toUpperCase(java.util.Locale.ROOT);
    return switch (name) {
      case "UTF-8", "UTF8" -> "UTF-8";
      case "GB18030", "GBK", "GB2312" -> "GB18030";
      default ->
          throw CrmException.invalidField(
              "encoding",
              "enum",
              Text.of(
                  "UTF-8 or GB18030 (also GBK, GB2312).", "须为 UTF-8 或 GB18030（GBK、GB2312 亦可）。"));
    };
  }

  private static void checkMapping(
      List<ColumnMapping> mapping, ImportFields.Fields importable, boolean hasHeader) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < mapping.size(); i++) {
      ColumnMapping m = mapping.get(i);
      String at = "mapping[" + i + "]";
      if ((m.column() == null) == (m.position() == null)) {
        throw CrmException.invalidField(
            at,
            "column-or-position",
            Text.of("Give the column's header or its position.", "请给出列名或列位置（二选一）。"));
      }
      if (m.column() != null && !hasHeader) {
        throw CrmException.invalidField(
            at + ".column",
            "no-header",
            Text.of(
                "The file has no header row (hasHeader false): name columns by position.",
                "文件没有表头（hasHeader 为 false），请按位置指定列。"));
      }
      if (!importable.byPath().containsKey(m.field())) {
        throw CrmException.invalidField(
            at + ".field",
            "unknown-field",
            Text.of(
                "Not a field you may import: see GET /api/v1/imports/templates/"
                    + importable.metadata().name()
                    + ".",
                "不是可导入的字段，请参见 GET /api/v1/imports/templates/"
                    + importable.metadata().name()
                    + "。"));
      }
      if (!seen.add(m.field())) {
        throw CrmException.invalidField(
            at + ".field", "duplicate", Text.of("Two columns feed this field.", "有两列映射到同一字段。"));
      }
    }
  }

  private void checkDuplicateKey(
      String resource,
      DuplicateKey key,
      ImportFields.Fields importable,
      List<ColumnMapping> mapping) {
    String field =
        switch (key) {
          case EXTERNAL_ID -> "externalId";
          case NUMBER -> "number";
          default -> null;
        };
    if (field != null && !importable.byPath().containsKey(field)) {
      throw CrmException.invalidField(
          "duplicateKey",
          "unsupported",
          Text.of(
              resource + " records have no " + field + " you may write.",
              resource + " 没有可写的 " + field + "。"));
    }
    if (field != null
        && mapping != null
        && mapping.stream().noneMatch(m -> m.field().equals(field))) {
      throw CrmException.invalidField(
          "duplicateKey",
          "not-mapped",
          Text.of("No column feeds " + field + ".", "没有列映射到 " + field + "。"));
    }
    if (key == DuplicateKey.DUPLICATE_CHECK && duplicateCheck(resource) == null) {
      throw CrmException.invalidField(
          "duplicateKey",
          "unsupported",
          Text.of("The duplicate check serves customers only.", "重复检查只适用于客户。"));
    }
  }

  ImportDuplicates duplicateCheck(String resource) {
    for (ImportDuplicates d : duplicateChecks) {
      if (d.resource().equals(resource)) {
        return d;
      }
    }
    return null;
  }

  /** PUT /imports/{id}/parts/{part}: one part of the file (again: replaced). */
  @Transactional
  public ImportJobView uploadPart(UUID id, int part, InputStream body) {
    ImportJob job = forUpdate(id);
    if (job.status != ImportStatus.UPLOADING) {
      throw CrmException.conflict(
          Text.of(
              "The job is " + job.status + ": its file can no longer change.",
              "任务状态为 " + job.status + "，文件不能再更改。"));
    }
    if (part < 1 || part > config.get().maxParts()) {
      throw CrmException.invalidParameter(
          "part",
          "range",
          Text.of(
              "Parts are numbered 1 to " + config.get().maxParts() + ".",
              "分片编号须在 1 到 " + config.get().maxParts() + " 之间。"));
    }
    // Spooled to a temporary file, never held whole: a part costs a 64 KiB buffer, however many
    // are uploaded at once.
    java.nio.file.Path spool = null;
    try {
      spool = java.nio.file.Files.createTempFile("crm-import-part", ".bin");
      long size;
      try (InputStream limited = new java.io.BufferedInputStream(body, 1 << 16);
          java.io.OutputStream out = java.nio.file.Files.newOutputStream(spool)) {
        size = limited.transferTo(new LimitedOutput(out, config.get().maxPartBytes()));
      }
      if (size == 0) {
        throw CrmException.malformed(Text.of("The part is empty.", "分片为空。"));
      }
      try (InputStream in = java.nio.file.Files.newInputStream(spool)) {
        sql.update(
            "INSERT INTO import_file_parts (job_id, part, data) VALUES (?, ?, ?)"
                + " ON CONFLICT (job_id, part) DO UPDATE SET data = excluded.data",
            id,
            part,
            new Sql.Stream(in, size));
      }
    } catch (PartTooLarge tooLarge) {
      throw new CrmException(
          ProblemType.PAYLOAD_TOO_LARGE,
          Text.of(
              "A part holds at most "
                  + config.get().maxPartBytes()
                  + " bytes: split the file further.",
              "每个分片最多 " + config.get().maxPartBytes() + " 字节，请把文件分得更细。"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (spool != null) {
        try {
          java.nio.file.Files.deleteIfExists(spool);
        } catch (IOException e) {
          // a temporary file left behind; the OS cleans its temporary directory
        }
      }
    }
    long[] totals =
        sql.one(
                "SELECT count(*), coalesce(sum(length(data)), 0) FROM import_file_parts WHERE job_id = ?",
                r -> new long[] {r.getLong(1), r.getLong(2)},
                id)
            .orElseThrow();
    job.fileParts = (int) totals[0];
    job.fileSize = totals[1];
    bump(job);
    return view(job);
  }

  /** Refuses to write more than its limit. */
  private static final class LimitedOutput extends java.io.FilterOutputStream {
    private final long limit;
    private long written;

    LimitedOutput(java.io.OutputStream out, long limit) {
      super(out);
      this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
      count(1);
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      count(len);
      out.write(b, off, len);
    }

    private void count(int n) {
      written += n;
      if (written > limit) {
        throw new PartTooLarge();
      }
    }
  }

  private static final class PartTooLarge extends RuntimeException {
    PartTooLarge() {
      super(null, null, false, false);
    }
  }

  /** POST /imports/{id}/start: the file is complete; a replica picks the job up. */
  @Transactional
  public ImportJobView start(UUID id) {
    ImportJob job = forUpdate(id);
    if (job.status != ImportStatus.UPLOADING) {
      throw dev.headlesscrm.platform.state.StateMachine.already(resource(), job.status.name());
    }
    if (job.fileParts == 0) {
      throw CrmException.conflict(
          Text.of(
              "No file yet: PUT its parts to /imports/{id}/parts/1, 2, …",
              "尚未上传文件：请先 PUT 分片到 /imports/{id}/parts/1、2……"));
    }
    Integer last =
        sql.one("SELECT max(part) FROM import_file_parts WHERE job_id = ?", r -> r.getInt(1), id)
            .orElse(0);
    if (last != job.fileParts) {
      throw CrmException.conflict(
          Text.of(
              "Parts are missing: " + job.fileParts + " uploaded, numbered up to " + last + ".",
              "分片不完整：已上传 " + job.fileParts + " 个，最大编号 " + last + "。"));
    }
    return act(job, "started", j -> j.status = ImportStatus.QUEUED);
  }

  /** POST /imports/{id}/cancel: stops at the next step; rows written before stay. */
  @Transactional
  public ImportJobView cancel(UUID id) {
    ImportJob job = forUpdate(id);
    if (job.status.finished()) {
      throw dev.headlesscrm.platform.state.StateMachine.already(resource(), job.status.name());
    }
    return act(
        job,
        "cancelled",
        j -> {
          j.status = ImportStatus.CANCELLED;
          j.finishedAt = Clock.now();
          j.leaseOwner = null;
          j.leaseUntil = null;
        });
  }

  /**
   * Ends a job (COMPLETED or FAILED) with its event, when it has not ended already and, given a
   * lease token, only while that lease is the job's: false when it had (a cancel came first).
   */
  @Transactional
  public boolean finish(UUID id, String token, ImportStatus status, String reason) {
    ImportJob job =
        em.find(ImportJob.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (job == null || job.status.finished() || (token != null && !token.equals(job.leaseOwner))) {
      return false;
    }
    act(
        job,
        status == ImportStatus.COMPLETED ? "completed" : "failed",
        j -> {
          j.status = status;
          j.finishedAt = Clock.now();
          j.failureReason =
              reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000);
          j.leaseOwner = null;
          j.leaseUntil = null;
        });
    return true;
  }

  // --- Error file and templates ------------------------------------------------------------

  /**
   * GET /imports/{id}/errors: the refused rows, each with its line and reason, then the row's cells
   * under the file's own headers; streamed a thousand rows at a time.
   */
  public StreamingOutput errors(UUID id, ExportFormat format) {
    ImportJobView job = get(id);
    ImportJob stored =
        QuarkusTransaction.joiningExisting().call(() -> em.find(ImportJob.class, id));
    List<String> headers = stored.headers == null ? List.of() : List.copyOf(stored.headers);
    Lang lang = Lang.valueOf(stored.language);
    return out -> {
      List<ExportColumn> columns = new ArrayList<>();
      columns.add(ExportColumn.of("line", lang == Lang.ZH ? "行号" : "line"));
      columns.add(ExportColumn.of("error", lang == Lang.ZH ? "错误原因" : "error"));
      int width = headers.size();
      for (int i = 0; i < width; i++) {
        columns.add(ExportColumn.of("c" + i, headers.get(i)));
      }
      try (ExportWriter writer = ExportWriters.open(format, out, columns, "errors")) {
        long after = 0;
        while (true) {
          long from = after;
          List<Object[]> rows =
              QuarkusTransaction.requiringNew()
                  .call(
                      () ->
                          sql.list(
                              "SELECT line, reason, cells::text FROM import_errors"
                                  + " WHERE job_id = ? AND line > ? ORDER BY line LIMIT 1000",
                              r -> new Object[] {r.getLong(1), r.getString(2), r.getString(3)},
                              job.id(),
                              from));
          for (Object[] row : rows) {
            List<String> cells =
                json.readValue((String) row[2], new TypeReference<List<String>>() {});
            List<Object> values = new ArrayList<>();
            values.add(row[0]);
            values.add(row[1]);
            for (int i = 0; i < width; i++) {
              values.add(i < cells.size() ? cells.get(i) : null);
            }
            writer.row(values);
            after = (Long) row[0];
          }
          if (rows.size() < 1000) {
            break;
          }
        }
      }
    };
  }

  /** The refused rows in line order, a page at a time (the error file as data, for GraphQL). */
  @Transactional
  public dev.headlesscrm.platform.api.Page<ImportErrorView> errorRows(
      UUID id, dev.headlesscrm.platform.api.PageRequest page) {
    get(id);
    long after = 0;
    if (page.after() != null && !page.after().isEmpty()) {
      try {
        after = Long.parseLong(page.after().get(0));
      } catch (NumberFormatException e) {
        throw CrmException.invalidParameter(
            "cursor", "malformed", Text.of("Not a cursor of this list.", "不是本列表的游标。"));
      }
    }
    List<ImportErrorView> rows =
        sql.list(
            "SELECT line, reason, cells::text FROM import_errors"
                + " WHERE job_id = ? AND line > ? ORDER BY line LIMIT ?",
            r -> new ImportErrorView(r.getLong(1), r.getString(2), readCells(r.getString(3))),
            id,
            after,
            page.limit() + 1);
    boolean more = rows.size() > page.limit();
    List<ImportErrorView> data = more ? rows.subList(0, page.limit()) : rows;
    String next =
        more
            ? dev.headlesscrm.platform.api.Cursor.encode(
                List.of(String.valueOf(data.get(data.size() - 1).line())))
            : null;
    return new dev.headlesscrm.platform.api.Page<>(
        List.copyOf(data),
        new dev.headlesscrm.platform.api.PageInfo(page.limit(), next, more, null));
  }

  /** GET /imports/templates/{resource}: the columns the caller may import, with examples. */
  public ImportTemplateView template(String resource, Lang lang) {
    ImportFields.Fields importable = fields.of(resource);
    List<DuplicateKey> keys = new ArrayList<>(List.of(DuplicateKey.NONE));
    if (importable.byPath().containsKey("externalId")) {
      keys.add(DuplicateKey.EXTERNAL_ID);
    }
    if (importable.byPath().containsKey("number")) {
      keys.add(DuplicateKey.NUMBER);
    }
    if (duplicateCheck(resource) != null) {
      keys.add(DuplicateKey.DUPLICATE_CHECK);
    }
    return new ImportTemplateView(resource, fields.columns(importable, lang), keys);
  }

  /** The template as a file: the labels as headers, and one example row. */
  public StreamingOutput templateFile(String resource, ExportFormat format, Lang lang) {
    List<ImportColumn> columns = template(resource, lang).columns();
    return out -> {
      List<ExportColumn> headers =
          columns.stream().map(c -> ExportColumn.of(c.field(), c.label())).toList();
      try (ExportWriter writer = ExportWriters.open(format, out, headers, resource)) {
        writer.row(columns.stream().map(ImportColumn::example).toList());
      }
    };
  }

  // --- Saved mappings ----------------------------------------------------------------------

  /** The caller's saved mappings, by resource then name. */
  @Transactional
  public List<ImportMappingView> mappings(String resource) {
    access.require(resource(), Action.READ);
    return sql.list(
        "SELECT id, target_resource, name, mapping::text, updated_at FROM import_mappings"
            + " WHERE owner_subject = ? AND (?::text IS NULL OR target_resource = ?)"
            + " ORDER BY target_resource, name",
        r ->
            new ImportMappingView(
                Sql.uuid(r, 1),
                r.getString(2),
                r.getString(3),
                readMapping(r.getString(4)),
                Sql.instant(r, 5)),
        principal.caller().subject(),
        resource,
        resource);
  }

  /** PUT /imports/mappings/{resource}/{name}: saves (or replaces) one of the caller's mappings. */
  @Transactional
  public ImportMappingView saveMapping(String resource, String name, List<ColumnMapping> mapping) {
    access.require(resource(), Action.CREATE);
    if (name == null || name.isBlank() || name.length() > 100) {
      throw CrmException.invalidField(
          "name", "size", Text.of("1 to 100 characters.", "长度须为 1 到 100 个字符。"));
    }
    if (mapping == null || mapping.isEmpty()) {
      throw CrmException.invalidField(
          "mapping", "required", Text.of("At least one column.", "至少一列。"));
    }
    mapping.forEach(validator::valid);
    checkMapping(mapping, fields.of(resource), true);
    String text;
    try {
      text = json.writeValueAsString(mapping);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return sql.one(
            "INSERT INTO import_mappings (id, owner_subject, target_resource, name, mapping, updated_at)"
                + " VALUES (?, ?, ?, ?, ?::jsonb, now())"
                + " ON CONFLICT (owner_subject, target_resource, name)"
                + " DO UPDATE SET mapping = excluded.mapping, updated_at = now()"
                + " RETURNING id, target_resource, name, mapping::text, updated_at",
            r ->
                new ImportMappingView(
                    Sql.uuid(r, 1),
                    r.getString(2),
                    r.getString(3),
                    readMapping(r.getString(4)),
                    Sql.instant(r, 5)),
            dev.headlesscrm.platform.events.EventIds.at(Clock.now()),
            principal.caller().subject(),
            resource,
            name.strip(),
            text)
        .orElseThrow();
  }

  /** DELETE /imports/mappings/{resource}/{name}. */
  @Transactional
  public void deleteMapping(String resource, String name) {
    access.require(resource(), Action.CREATE);
    int gone =
        sql.update(
            "DELETE FROM import_mappings WHERE owner_subject = ? AND target_resource = ? AND name = ?",
            principal.caller().subject(),
            resource,
            name);
    if (gone == 0) {
      throw CrmException.notFound("import mapping", resource + "/" + name);
    }
  }

  private java.util.Optional<List<ColumnMapping>> savedMapping(String resource, String name) {
    return sql.one(
        "SELECT mapping::text FROM import_mappings"
            + " WHERE owner_subject = ? AND target_resource = ? AND name = ?",
        r -> readMapping(r.getString(1)),
        principal.caller().subject(),
        resource,
        name);
  }

  private List<String> readCells(String text) {
    try {
      return json.readValue(text, new TypeReference<List<String>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<ColumnMapping> readMapping(String text) {
    try {
      return json.readValue(text, new TypeReference<List<ColumnMapping>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
