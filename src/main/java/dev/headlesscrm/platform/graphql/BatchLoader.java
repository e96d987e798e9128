package dev.headlesscrm.platform.graphql;

import dev.headlesscrm.platform.api.Versioned;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Resolves one to-one relation for a whole list of parents with a single lookup. */
public final class BatchLoader {

  private BatchLoader() {}

  /**
   * @return for each parent, in order, the related record (null when there is none or it is not
   *     visible)
   */
  public static <P, R extends Versioned> List<R> load(
      List<P> parents, Function<P, UUID> key, Function<Collection<UUID>, List<R>> fetch) {
    List<UUID> ids = parents.stream().map(key).filter(Objects::nonNull).distinct().toList();
    Map<UUID, R> byId =
        fetch.apply(ids).stream().collect(Collectors.toMap(Versioned::id, Function.identity()));
    return parents.stream()
        .map(
            p -> {
              UUID id = key.apply(p);
              return id == null ? null : byId.get(id);
            })
        .toList();
  }
}
