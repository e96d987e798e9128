package dev.headlesscrm.platform.query;

import dev.headlesscrm.platform.search.SearchText;

/**
 * Free-text {@code q} for resources that keep the two search columns {@code search_text} and {@code
 * search_tokens} (see {@link SearchText}): declare {@code .search(SearchSupport::condition)}.
 */
public final class SearchSupport {

  private SearchSupport() {}

  /** The condition on alias {@code t} for {@code q}; TRUE when q holds nothing searchable. */
  public static SqlFragment condition(String q) {
    SearchText.Query query = SearchText.query(q);
    if (query.isEmpty()) {
      return SqlFragment.TRUE;
    }
    return new SqlFragment(query.sql("t.search_text", "t.search_tokens"), query.parameters());
  }
}
