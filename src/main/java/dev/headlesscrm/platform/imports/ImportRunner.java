package dev.headlesscrm.platform.imports;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headlesscrm.platform.api.FieldError;
import dev.headlesscrm.platform.api.Lang;
import dev.headlesscrm.platform.api.Problem;
import dev.headlesscrm.platform.persistence.Sql;
import dev.headlesscrm.platform.query.Field;
import dev.headlesscrm.platform.query.ResourceRegistry;
import dev.headlesscrm.platform.query.ResourceSpec;
import dev.headlesscrm.platform.query.SqlFragment;
import dev.headlesscrm.platform.records.BatchRequest;
import dev.headlesscrm.platform.records.BatchResult;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.platform.records.References;
import dev.headlesscrm.platform.security.Caller;
import dev.headlesscrm.platform.security.RunAs;
import dev.headlesscrm.platform.security.StoredCaller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Works through import jobs, on any replica. A replica claims a due job ({@code FOR UPDATE SKIP
 * LOCKED}) with a lease and works as the job's owner: the file is read a chunk of rows at a time,
 * each row converted to the body its single call would take, matched against stored records by the
 * job's duplicate key, and written through the resource's own batch path. Each chunk's progress
 * (the next row, the counts, the refused rows) is written in the transactions that write its rows,
 * and only while this replica still holds the lease and the job still runs: a cancel, or another
 * replica resuming after the lease lapsed, rolls back what this one was writing. So a job survives
 * a restart by resuming exactly where its committed rows end; one that keeps failing to finish is
 * failed after {@code crm.imports.max-runs} runs.
 */
@ApplicationScoped
public class ImportRunner {

  private static final Logger LOG = Logger.getLogger(ImportRunner.class);

  @Inject ImportsConfig config;
  @Inject Sql sql;
  @Inject RunAs runAs;
  @Inject ImportFields fields;
  @Inject ImportService imports;
  @Inject References services;
  @Inject ResourceRegistry registry;
  @Inject ObjectMapper json;

  /** A job this replica took: its lease token and whose permissions its rows are written with. */
  record Claim(UUID id, String token, Caller owner, boolean exhausted, String lastFailure) {}

  /** The job's settings and where it stands, as the run reads them. */
  record Job(
      UUID id,
      String resource,
      ImportFormat format,
      boolean hasHeader,
      boolean dryRun,
      DuplicateKey key,
      OnDuplicate onDuplicate,
      List<ColumnMapping> mapping,
      Lang lang,
      String encoding,
      Long totalRows,
      List<String> headers,
      long nextRow,
      int parts) {}

  /** Claims one due job and works it until it ends or stops; false when none was due. */
  public boolean runDue() {
    Claim claim = QuarkusTransaction.requiringNew().call(this::claim);
    if (claim == null) {
      return false;
    }
    if (claim.exhausted()) {
      runAs.call(
          claim.owner(),
          () ->
              imports.finish(
                  claim.id(),
                  null,
                  ImportStatus.FAILED,
                  "The job was started "
                      + config.maxRuns()
                      + " times without finishing ("
                      + (claim.lastFailure() != null
                          ? "last: " + claim.lastFailure()
                          : "the service stopped while it ran")
                      + ")."));
      return true;
    }
    try {
      runAs.call(
          claim.owner(),
          () -> {
            work(claim);
            return null;
          });
    } catch (RecordService.ImportStopped stopped) {
      LOG.infof("Import %s stopped: %s", claim.id(), stopped.getMessage());
    } catch (RuntimeException e) {
      if (!unreadable(e)) {
        // Not the file's fault (the database went away, a bug): the job is let go to be resumed
        // at its first row not committed, and failed once it has been started max-runs times.
        LOG.errorf(e, "Import %s stopped; it will be resumed", claim.id());
        release(claim, "Unexpected failure (see the service log): " + e.getClass().getSimpleName());
        return true;
      }
      LOG.infof("Import %s failed: its file cannot be read (%s)", claim.id(), e.getMessage());
      String reason =
          malformedText(e)
              ? "The file is not text in its encoding (UTF-8 unless the job names GB18030):"
                  + " save it as \"CSV UTF-8\", or create the import with encoding GB18030."
              : "The file cannot be read as " + formatOf(claim.id()) + ": " + e.getMessage();
      runAs.call(
          claim.owner(),
          () -> imports.finish(claim.id(), claim.token(), ImportStatus.FAILED, reason));
    }
    return true;
  }

  /** Gives the job up for another run now, saying why this one stopped. */
  private void release(Claim claim, String why) {
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  sql.update(
                      "UPDATE import_jobs SET lease_until = now(), failure_reason = ?,"
                          + " version = version + 1, updated_at = now()"
                          + " WHERE id = ? AND lease_owner = ? AND status = 'RUNNING'",
                      why,
                      claim.id(),
                      claim.token()));
    } catch (RuntimeException unreachable) {
      LOG.debugf(unreachable, "Import %s keeps its lease until it lapses", claim.id());
    }
  }

  private static boolean malformedText(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.nio.charset.CharacterCodingException) {
        return true;
      }
    }
    return false;
  }

  /** A failure of the file itself (not a zip, bad quoting, not UTF-8), not of the service. */
  private static boolean unreadable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof com.fasterxml.jackson.core.JacksonException) {
        return false; // the service's own JSON, not the file
      }
      if (t instanceof IOException
          || t instanceof UncheckedIOException
          || t instanceof org.dhatim.fastexcel.reader.ExcelReaderException) {
        return true;
      }
    }
    return false;
  }

  private String formatOf(UUID id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                sql.one("SELECT format FROM import_jobs WHERE id = ?", r -> r.getString(1), id)
                    .orElse("?"));
  }

  private Claim claim() {
    return sql.one(
            "SELECT id, runs, "
                + StoredCaller.COLUMNS
                + ", failure_reason FROM import_jobs"
                + " WHERE status IN ('QUEUED', 'RUNNING') AND deleted_at IS NULL"
                + " AND (lease_until IS NULL OR lease_until < now())"
                + " ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED",
            r -> {
              Caller owner = StoredCaller.read(r, 3);
              return new Claim(
                  Sql.uuid(r, 1), null, owner, r.getInt(2) >= config.maxRuns(), r.getString(10));
            })
        .map(
            c -> {
              if (c.exhausted()) {
                return c;
              }
              String token = UUID.randomUUID().toString();
              sql.update(
                  "UPDATE import_jobs SET status = 'RUNNING', lease_owner = ?,"
                      + " lease_until = now() + ? * interval '1 millisecond', runs = runs + 1,"
                      + " started_at = coalesce(started_at, now()), version = version + 1,"
                      + " updated_at = now() WHERE id = ?",
                  token,
                  config.lease().toMillis(),
                  c.id());
              return new Claim(c.id(), token, c.owner(), false, c.lastFailure());
            })
        .orElse(null);
  }

  private Job load(UUID id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                sql.one(
                        "SELECT target_resource, format, has_header, dry_run, duplicate_key,"
                            + " on_duplicate, mapping::text, language, total_rows, headers,"
                            + " next_row, file_parts, encoding FROM import_jobs WHERE id = ?",
                        r ->
                            new Job(
                                id,
                                r.getString(1),
                                ImportFormat.valueOf(r.getString(2)),
                                r.getBoolean(3),
                                r.getBoolean(4),
                                DuplicateKey.valueOf(r.getString(5)),
                                OnDuplicate.valueOf(r.getString(6)),
                                read(r.getString(7), new TypeReference<List<ColumnMapping>>() {}),
                                Lang.valueOf(r.getString(8)),
                                r.getString(13),
                                (Long) r.getObject(9),
                                r.getArray(10) == null
                                    ? null
                                    : List.of((String[]) r.getArray(10).getArray()),
                                r.getLong(11),
                                r.getInt(12)),
                        id)
                    .orElseThrow());
  }

  private <T> T read(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- The run ------------------------------------------------------------------------------

  private void work(Claim claim) {
    Job stored = load(claim.id());
    Path xlsx = stored.format() == ImportFormat.XLSX ? copyToTemp(stored) : null;
    try {
      Job job = stored.totalRows() == null ? counted(claim, stored, xlsx) : stored;
      ImportFields.Fields importable =
          QuarkusTransaction.requiringNew().call(() -> fields.of(job.resource()));
      List<RowConverter.Target> targets = targets(job, importable);
      if (targets == null) {
        return; // failed with its reason
      }
      RowConverter converter = new RowConverter(targets, job.lang(), referenceResolver(job.lang()));
      RecordService<?, ?, ?> service = services.service(job.resource());
      ImportDuplicates duplicateCheck =
          job.key() == DuplicateKey.DUPLICATE_CHECK ? imports.duplicateCheck(job.resource()) : null;
      long next = job.nextRow();
      try (ImportRows rows = open(job, xlsx)) {
        if (job.hasHeader()) {
          rows.next();
        }
        for (long skipped = 0; skipped < next && rows.next() != null; skipped++) {
          // rows done by an earlier run
        }
        while (true) {
          List<RowWork> chunk = new ArrayList<>();
          List<Object> cells;
          while (chunk.size() < config.chunkSize() && (cells = rows.next()) != null) {
            chunk.add(new RowWork(rows.line(), cells));
          }
          if (chunk.isEmpty()) {
            break;
          }
          runChunk(claim, job, next, chunk, converter, service, duplicateCheck);
          next += chunk.size();
        }
      }
      imports.finish(claim.id(), claim.token(), ImportStatus.COMPLETED, null);
    } finally {
      if (xlsx != null) {
        try {
          Files.deleteIfExists(xlsx);
        } catch (IOException e) {
          LOG.warnf("Could not delete %s", xlsx);
        }
      }
    }
  }

  /** The first run reads the file through once: its rows, for progress and ETA, and its header. */
  private Job counted(Claim claim, Job job, Path xlsx) {
    long count = 0;
    List<String> headers = null;
    try (ImportRows rows = open(job, xlsx)) {
      List<Object> cells;
      while ((cells = rows.next()) != null) {
        if (headers == null && job.hasHeader()) {
          headers = new ArrayList<>();
          for (Object c : cells) {
            headers.add(c == null ? "" : String.valueOf(c).strip());
          }
          continue;
        }
        count++;
      }
    }
    long total = count;
    Object headerArray = headers == null ? null : Sql.array("text", headers);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              int n =
                  sql.update(
                      "UPDATE import_jobs SET total_rows = ?, headers = ?,"
                          + " version = version + 1, updated_at = now()"
                          + " WHERE id = ? AND lease_owner = ? AND status = 'RUNNING'",
                      total,
                      headerArray,
                      claim.id(),
                      claim.token());
              if (n == 0) {
                throw new RecordService.ImportStopped("cancelled or taken over");
              }
            });
    return new Job(
        job.id(),
        job.resource(),
        job.format(),
        job.hasHeader(),
        job.dryRun(),
        job.key(),
        job.onDuplicate(),
        job.mapping(),
        job.lang(),
        job.encoding(),
        total,
        headers,
        job.nextRow(),
        job.parts());
  }

  /**
   * The columns that feed fields: the job's mapping by header or position, or each header that
   * names a field. Null when the file does not fit (the job is failed saying why).
   */
  private List<RowConverter.Target> targets(Job job, ImportFields.Fields importable) {
    List<String> headers = job.headers() == null ? List.of() : job.headers();
    List<RowConverter.Target> targets = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (job.mapping().isEmpty()) {
      for (int i = 0; i < headers.size(); i++) {
        ImportFields.Field f = importable.byHeader(headers.get(i));
        if (f != null && targets.stream().noneMatch(t -> t.field().path().equals(f.path()))) {
          targets.add(new RowConverter.Target(i, headers.get(i), f));
        }
      }
      if (targets.isEmpty()) {
        problems.add(
            "no header names a field (give a mapping, or use the headers of GET"
                + " /api/v1/imports/templates/"
                + job.resource()
                + ")");
      }
    } else {
      for (ColumnMapping m : job.mapping()) {
        ImportFields.Field f = importable.byPath().get(m.field());
        if (f == null) {
          problems.add("the owner may no longer write " + m.field());
          continue;
        }
        int position = m.position() != null ? m.position() : headers.indexOf(m.column().strip());
        if (position < 0) {
          problems.add("the file has no column \"" + m.column() + "\"");
          continue;
        }
        targets.add(
            new RowConverter.Target(
                position, position < headers.size() ? headers.get(position) : null, f));
      }
    }
    String keyField =
        job.key() == DuplicateKey.EXTERNAL_ID
            ? "externalId"
            : job.key() == DuplicateKey.NUMBER ? "number" : null;
    if (keyField != null && targets.stream().noneMatch(t -> t.field().path().equals(keyField))) {
      problems.add("no column feeds " + keyField + ", the duplicate key");
    }
    if (!problems.isEmpty()) {
      imports.finish(
          job.id(),
          null,
          ImportStatus.FAILED,
          "The file does not fit: " + String.join("; ", problems) + ".");
      return null;
    }
    return targets;
  }

  // --- One chunk ----------------------------------------------------------------------------

  /** A row of the chunk and what became of it before it is written. */
  static final class RowWork {
    final long line;
    final List<Object> cells;
    ObjectNode body;
    String failed;
    boolean skipped;
    int op = -1;

    RowWork(long line, List<Object> cells) {
      this.line = line;
      this.cells = cells;
    }
  }

  private void runChunk(
      Claim claim,
      Job job,
      long first,
      List<RowWork> chunk,
      RowConverter converter,
      RecordService<?, ?, ?> service,
      ImportDuplicates duplicateCheck) {
    List<BatchRequest.Operation> ops =
        QuarkusTransaction.requiringNew()
            .call(() -> operations(job, chunk, converter, service, duplicateCheck));
    Progress progress = new Progress(claim, job, first, chunk);
    service.importOperations(ops, job.lang(), job.dryRun(), progress);
    if (progress.done < chunk.size()) {
      QuarkusTransaction.requiringNew()
          .run(() -> progress.write(ops.size(), ops.size(), List.of()));
      progress.committed(ops.size(), ops.size());
    }
  }

  /** The chunk's rows as batch operations, after conversion and the duplicate key. */
  private List<BatchRequest.Operation> operations(
      Job job,
      List<RowWork> chunk,
      RowConverter converter,
      RecordService<?, ?, ?> service,
      ImportDuplicates duplicateCheck) {
    for (RowWork row : chunk) {
      RowConverter.Converted c = converter.convert(row.cells);
      row.body = c.body();
      row.failed = c.reason();
    }
    Map<String, UUID> existing = new HashMap<>();
    String keyField = null;
    if (job.key() == DuplicateKey.EXTERNAL_ID || job.key() == DuplicateKey.NUMBER) {
      keyField = job.key() == DuplicateKey.EXTERNAL_ID ? "externalId" : "number";
      Set<String> keys = new HashSet<>();
      for (RowWork row : chunk) {
        String k = key(row, keyField);
        if (k != null) {
          keys.add(k);
        }
      }
      existing = lookUp(service, job.resource(), keyField, keys);
    }
    List<BatchRequest.Operation> ops = new ArrayList<>();
    for (RowWork row : chunk) {
      if (row.failed != null) {
        continue;
      }
      UUID match = null;
      String k = keyField == null ? null : key(row, keyField);
      if (k != null) {
        match = existing.get(k);
      } else if (duplicateCheck != null) {
        match = duplicateCheck.duplicateOf(row.body).orElse(null);
      }
      BatchRequest.Operation op;
      if (match == null || job.onDuplicate() == OnDuplicate.CREATE) {
        op = new BatchRequest.Operation("create", null, null, null, row.body);
      } else if (job.onDuplicate() == OnDuplicate.SKIP) {
        row.skipped = true;
        continue;
      } else if (job.key() == DuplicateKey.EXTERNAL_ID) {
        op = new BatchRequest.Operation("upsert", null, k, null, row.body);
      } else {
        op = new BatchRequest.Operation("update", match.toString(), null, null, row.body);
      }
      row.op = ops.size();
      ops.add(op);
    }
    return ops;
  }

  private static String key(RowWork row, String field) {
    if (row.body == null) {
      return null;
    }
    JsonNode v = row.body.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }

  /** Stored records (the owner may see) by the value of their external id or number. */
  private Map<String, UUID> lookUp(
      RecordService<?, ?, ?> service, String resource, String field, Set<String> keys) {
    Map<String, UUID> found = new HashMap<>();
    if (keys.isEmpty()) {
      return found;
    }
    ResourceSpec spec = registry.get(resource);
    String column = spec.field(field) != null ? spec.field(field).column() : "external_id";
    SqlFragment scope = service.visibleScope();
    List<Object> params = new ArrayList<>();
    params.add(Sql.array("text", keys));
    params.addAll(scope.params());
    for (Object[] row :
        sql.list(
            "SELECT t."
                + column
                + ", t.id FROM "
                + spec.table()
                + " t WHERE t."
                + column
                + " = ANY(?)"
                + (spec.softDelete() ? " AND t.deleted_at IS NULL" : "")
                + " AND ("
                + scope.sql()
                + ")",
            r -> new Object[] {r.getString(1), Sql.uuid(r, 2)},
            params.toArray())) {
      found.put((String) row[0], (UUID) row[1]);
    }
    return found;
  }

  /**
   * A reference cell that is not an id names the record by its number, external id or name, looked
   * up once per value within what the owner may see.
   */
  private java.util.function.BiFunction<String, String, RowConverter.Resolved> referenceResolver(
      Lang lang) {
    Map<String, RowConverter.Resolved> cache = new HashMap<>();
    return (target, given) -> {
      if (cache.size() >= 10_000) {
        cache.clear(); // a file of many distinct references: memory stays bounded
      }
      return cache.computeIfAbsent(target + "\u0000" + given, k -> resolve(target, given, lang));
    };
  }

  private RowConverter.Resolved resolve(String target, String given, Lang lang) {
    if (!registry.has(target)) {
      return new RowConverter.Resolved(null, "not an id");
    }
    ResourceSpec spec = registry.get(target);
    List<String> columns = new ArrayList<>();
    for (String f : List.of("number", "externalId", "code", "name")) {
      Field field = spec.field(f);
      if (field != null) {
        columns.add("t." + field.column() + " = ?");
      }
    }
    if (columns.isEmpty()) {
      return new RowConverter.Resolved(
          null, lang == Lang.ZH ? "须为 " + target + " 的 id" : "must be the id of a " + target);
    }
    SqlFragment scope = services.service(target).visibleScope();
    List<Object> params = new ArrayList<>();
    columns.forEach(c -> params.add(given));
    params.addAll(scope.params());
    List<UUID> ids =
        sql.list(
            "SELECT t.id FROM "
                + spec.table()
                + " t WHERE ("
                + String.join(" OR ", columns)
                + ")"
                + (spec.softDelete() ? " AND t.deleted_at IS NULL" : "")
                + " AND ("
                + scope.sql()
                + ") LIMIT 2",
            r -> Sql.uuid(r, 1),
            params.toArray());
    if (ids.size() == 1) {
      return new RowConverter.Resolved(ids.get(0), null);
    }
    String shown = given.length() > 40 ? given.substring(0, 40) + "…" : given;
    if (ids.isEmpty()) {
      return new RowConverter.Resolved(
          null,
          lang == Lang.ZH
              ? "找不到 " + target + "「" + shown + "」（按 id、编号、外部 id 或名称）"
              : "no " + target + " \"" + shown + "\" (by id, number, external id or name)");
    }
    return new RowConverter.Resolved(
        null,
        lang == Lang.ZH
            ? "有多个 " + target + " 名为「" + shown + "」，请给出 id 或编号"
            : "several " + target + " records match \"" + shown + "\": give the id or number");
  }

  /**
   * The chunk's progress, written with the rows it counts: every row from the last committed one up
   * to the row of the last operation written (refused and skipped rows in between included).
   */
  private final class Progress implements RecordService.ImportProgress {
    private final Claim claim;
    private final Job job;
    private final long first;
    private final List<RowWork> rows;

    /** Rows [0, done) of the chunk are committed. */
    int done;

    private int pending;

    Progress(Claim claim, Job job, long first, List<RowWork> rows) {
      this.claim = claim;
      this.job = job;
      this.first = first;
      this.rows = rows;
    }

    @Override
    public void write(int from, int to, List<BatchResult.Item> items) {
      int last = rows.size() - 1;
      if (to > from) {
        for (int r = done; r < rows.size(); r++) {
          if (rows.get(r).op == to - 1) {
            last = r;
            break;
          }
        }
      }
      long read = 0;
      long valid = 0;
      long created = 0;
      long updated = 0;
      long skipped = 0;
      long failed = 0;
      List<Long> lines = new ArrayList<>();
      List<String> cells = new ArrayList<>();
      List<String> reasons = new ArrayList<>();
      for (int r = done; r <= last; r++) {
        RowWork row = rows.get(r);
        read++;
        String reason = row.failed;
        if (reason == null && row.skipped) {
          skipped++;
          valid++;
          continue;
        }
        if (reason == null && row.op >= from && row.op < to) {
          BatchResult.Item item = items.get(row.op - from);
          if (item.problem() == null) {
            valid++;
            if (item.status() == 201) {
              created++;
            } else {
              updated++;
            }
            continue;
          }
          reason = reason(item.problem());
        }
        if (reason == null) {
          reason = "not written";
        }
        failed++;
        lines.add(row.line);
        cells.add(cellsJson(row.cells));
        reasons.add(reason);
      }
      int n =
          sql.update(
              "UPDATE import_jobs SET next_row = ?, rows_read = rows_read + ?,"
                  + " rows_valid = rows_valid + ?, created_count = created_count + ?,"
                  + " updated_count = updated_count + ?, skipped_count = skipped_count + ?,"
                  + " failed_count = failed_count + ?,"
                  + " lease_until = now() + ? * interval '1 millisecond',"
                  + " version = version + 1, updated_at = now()"
                  + " WHERE id = ? AND lease_owner = ? AND status = 'RUNNING' AND next_row = ?",
              first + last + 1,
              read,
              valid,
              created,
              updated,
              skipped,
              failed,
              config.lease().toMillis(),
              claim.id(),
              claim.token(),
              first + done);
      if (n == 0) {
        throw new RecordService.ImportStopped("cancelled or taken over by another replica");
      }
      if (!lines.isEmpty()) {
        sql.update(
            "INSERT INTO import_errors (job_id, line, cells, reason)"
                + " SELECT ?, l, c::jsonb, r FROM unnest(?, ?, ?) AS u (l, c, r)"
                + " ON CONFLICT (job_id, line) DO NOTHING",
            claim.id(),
            Sql.array("bigint", lines),
            Sql.array("text", cells),
            Sql.array("text", reasons));
      }
      pending = last + 1;
    }

    @Override
    public void committed(int from, int to) {
      done = pending;
    }

    private String reason(Problem problem) {
      StringBuilder s = new StringBuilder();
      s.append(problem.detail() != null ? problem.detail() : problem.title());
      if (problem.errors() != null) {
        for (FieldError e : problem.errors()) {
          s.append(job.lang() == Lang.ZH ? "；" : "; ")
              .append(e.field())
              .append(job.lang() == Lang.ZH ? "：" : ": ")
              .append(e.message());
        }
      }
      return s.toString();
    }

    private String cellsJson(List<Object> cells) {
      List<String> texts = new ArrayList<>(cells.size());
      for (Object c : cells) {
        texts.add(
            c == null
                ? null
                : c instanceof java.math.BigDecimal n
                    ? n.stripTrailingZeros().toPlainString()
                    : String.valueOf(c));
      }
      try {
        return json.writeValueAsString(texts);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  // --- The file -----------------------------------------------------------------------------

  private ImportRows open(Job job, Path xlsx) {
    return job.format() == ImportFormat.XLSX
        ? ImportRows.xlsx(xlsx)
        : ImportRows.csv(parts(job), java.nio.charset.Charset.forName(job.encoding()));
  }

  /** The uploaded parts, in order, one part in memory at a time. */
  private InputStream parts(Job job) {
    return new SequenceInputStream(
        new Enumeration<InputStream>() {
          private int next = 1;

          @Override
          public boolean hasMoreElements() {
            return next <= job.parts();
          }

          @Override
          public InputStream nextElement() {
            int part = next++;
            byte[] data =
                QuarkusTransaction.requiringNew()
                    .call(
                        () ->
                            sql.one(
                                    "SELECT data FROM import_file_parts WHERE job_id = ? AND part = ?",
                                    ImportRunner::bytes,
                                    job.id(),
                                    part)
                                .orElseThrow(
                                    () ->
                                        new UncheckedIOException(
                                            new IOException("part " + part + " is missing"))));
            return new ByteArrayInputStream(data);
          }
        });
  }

  private static byte[] bytes(ResultSet r) throws SQLException {
    return r.getBytes(1);
  }

  /** A workbook is a zip, read from a file: the parts are copied to a temporary one. */
  private Path copyToTemp(Job job) {
    try {
      Path file = Files.createTempFile("crm-import-" + job.id(), ".xlsx");
      try (InputStream in = parts(job)) {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
