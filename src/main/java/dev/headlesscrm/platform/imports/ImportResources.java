package dev.headlesscrm.platform.imports;

import dev.headlesscrm.platform.query.FieldType;
import dev.headlesscrm.platform.query.ResourceDeclarations;
import dev.headlesscrm.platform.query.ResourceSpec;
import dev.headlesscrm.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Import jobs' declaration: anyone may import (each row needs the permission its single call
 * would); data scope shows reps their own jobs and managers their team's.
 */
@ApplicationScoped
public class ImportResources implements ResourceDeclarations {

  public static final String IMPORT = "import";

  static final ResourceSpec IMPORTS =
      ResourceSpec.builder(IMPORT, "import_jobs")
          .view(ImportJobView.class)
          .labels(
              "resource",
              "导入对象",
              "status",
              "状态",
              "fileName",
              "文件名",
              "dryRun",
              "试运行",
              "failed",
              "失败行数")
          .field("resource", "target_resource", FieldType.STRING, true, false)
          .enumField("status", "status", ImportStatus.class, true)
          .enumField("format", "format", ImportFormat.class, false)
          .field("fileName", "file_name", FieldType.STRING, true, true)
          .field("dryRun", "dry_run", FieldType.BOOLEAN, false, false)
          .field("failed", "failed_count", FieldType.INTEGER, true, false)
          .field("startedAt", "started_at", FieldType.INSTANT, true, true)
          .field("finishedAt", "finished_at", FieldType.INSTANT, true, true)
          .ownerFields()
          .auditFields()
          .softDelete()
          .grant(
              List.of(
                  Roles.SALES_MANAGER,
                  Roles.SALES_REP,
                  Roles.MARKETING,
                  Roles.SERVICE_MANAGER,
                  Roles.SERVICE_AGENT,
                  Roles.ANALYST,
                  Roles.INTEGRATION),
              "READ",
              "CREATE",
              "UPDATE")
          .build();

  @Override
  public List<ResourceSpec> resources() {
    return List.of(IMPORTS);
  }
}
