package dev.headlesscrm.platform.graphql;

import dev.headlesscrm.platform.api.Cursor;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.Versioned;
import java.util.List;

/**
 * A Relay connection over one page of a list, the GraphQL twin of {@link Page}. Each resource
 * declares a one-line subclass so that the schema names it {@code <Type>Connection}.
 */
public abstract class Connection<T extends Versioned>
    implements dev.headlesscrm.platform.security.FieldMask.Maskable {

  /** One node with the cursor that reads on after it. */
  public record Edge<T>(String cursor, T node) {}

  /** Relay page info. */
  public record PageInfo(boolean hasNextPage, String endCursor) {}

  private List<Edge<T>> edges;
  private final PageInfo pageInfo;
  private final Long totalCount;

  protected Connection(Page<T> page) {
    this.edges =
        page.data().stream()
            .map(node -> new Edge<>(Cursor.encode(List.of(node.id().toString())), node))
            .toList();
    this.pageInfo = new PageInfo(page.page().hasMore(), page.page().nextCursor());
    this.totalCount = page.page().total();
  }

  /** Hidden fields of the nodes become null (field permissions). */
  @Override
  @org.eclipse.microprofile.graphql.Ignore
  public Object masked(dev.headlesscrm.platform.security.FieldMask mask) {
    edges = edges.stream().map(e -> new Edge<>(e.cursor(), mask.nullify(e.node()))).toList();
    return this;
  }

  /** Only when the query asked for it (count: true): exact, and costly on large lists. */
  public Long getTotalCount() {
    return totalCount;
  }

  public List<Edge<T>> getEdges() {
    return edges;
  }

  public PageInfo getPageInfo() {
    return pageInfo;
  }
}
