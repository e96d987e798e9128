package dev.headlesscrm.testresource;

import dev.headlesscrm.platform.query.FieldType;
import dev.headlesscrm.platform.query.ResourceDeclarations;
import dev.headlesscrm.platform.query.ResourceSpec;
import dev.headlesscrm.platform.records.OwnedRecordResource;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.platform.records.RecordDefinition;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import java.util.List;

/**
 * The widget's one declaration: what lists filter and sort by, its labels, its service with its
 * only rule (the default status), and its routes. Everything else — REST, GraphQL, the contracts,
 * metadata, custom fields, permissions, history, events, export — the platform derives. Served only
 * when the build property {@code crm.test-resource} is true ({@link WidgetProfile}).
 */
public final class Widgets {

  static final List<String> KEEPERS = List.of("sales-manager", "sales-rep", "integration");

  static final ResourceSpec SPEC =
      ResourceSpec.builder("widget", "widgets")
          .view(WidgetView.class)
          .labels("code", "编号", "name", "名称", "quantity", "数量", "price", "价格")
          .field("code", "code", FieldType.STRING, true, false)
          .field("name", "name", FieldType.STRING, true, false)
          .field("quantity", "quantity", FieldType.INTEGER, true, true)
          .field("price", "price", FieldType.DECIMAL, true, true)
          .enumField("status", "status", Widget.Status.class, true)
          .field("externalId", "external_id", FieldType.STRING, false, true)
          .ownerFields()
          .auditFields()
          .softDelete()
          .customFields("custom_fields")
          .grant(KEEPERS, "READ", "CREATE", "UPDATE", "DELETE", "RESTORE", "EXPORT", "TRANSFER")
          .grant(List.of("analyst"), "READ")
          .build();

  private Widgets() {}

  /** The service, which also declares the spec to the registry. */
  @ApplicationScoped
  @IfBuildProperty(name = "crm.test-resource", stringValue = "true")
  public static class Service extends OwnedRecordService<Widget, WidgetView, WidgetInput>
      implements ResourceDeclarations {
    @Override
    public List<ResourceSpec> resources() {
      return List.of(SPEC);
    }

    private static final RecordDefinition<Widget, WidgetView, WidgetInput> DEFINITION =
        RecordDefinition.of(SPEC, Widget.class, WidgetView.class, WidgetInput.class).build();

    @Override
    protected RecordDefinition<Widget, WidgetView, WidgetInput> definition() {
      return DEFINITION;
    }

    @Override
    protected void apply(WidgetInput in, Widget w, boolean creating) {
      copy(in, w);
      w.status = in.status() == null ? Widget.Status.DRAFT : in.status();
      assignOwner(w, in.ownerId(), creating);
    }
  }

  @Path("/api/v1/widgets")
  @IfBuildProperty(name = "crm.test-resource", stringValue = "true")
  public static class Resource extends OwnedRecordResource<WidgetView> {
    @Inject Service service;

    @Override
    protected OwnedRecordService<?, WidgetView, ?> service() {
      return service;
    }

    @Override
    protected Class<WidgetView> viewType() {
      return WidgetView.class;
    }
  }
}
