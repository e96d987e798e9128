package dev.headlesscrm.platform.api;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code {"data": [...], "page": {...}}}. */
public record Page<T>(List<T> data, PageInfo page) {

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(data.stream().map(mapper).toList(), page);
  }
}
