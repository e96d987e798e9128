package dev.headlesscrm.platform.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Where a page ends: pass {@code nextCursor} back as {@code cursor} to read on. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PageInfo(int limit, String nextCursor, boolean hasMore, Long total) {}
