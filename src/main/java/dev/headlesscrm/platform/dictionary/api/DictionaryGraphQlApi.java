package dev.headlesscrm.platform.dictionary.api;

import dev.headlesscrm.platform.dictionary.DictionaryEntry;
import dev.headlesscrm.platform.dictionary.DictionaryEntryInput;
import dev.headlesscrm.platform.dictionary.DictionaryService;
import dev.headlesscrm.platform.graphql.GraphQlProblems;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The value lists (字典) over GraphQL: the same service as /api/v1/dictionaries. */
@GraphQLApi
@GraphQlProblems
public class DictionaryGraphQlApi {

  /** One dictionary kind and the field whose values it lists. */
  @Description("A dictionary kind and the field that uses it (customer fields unprefixed).")
  public record DictionaryKind(@NonNull String field, @NonNull String kind) {}

  @Inject DictionaryService service;

  @Query("dictionaries")
  @Description("Every dictionary kind, with the field that uses it.")
  public List<DictionaryKind> dictionaries() {
    return service.kinds().entrySet().stream()
        .map(e -> new DictionaryKind(e.getKey(), e.getValue()))
        .toList();
  }

  @Query("dictionary")
  @Description("The entries of one dictionary, in order (inactive ones included, marked).")
  public List<DictionaryEntry> dictionary(@NonNull String kind) {
    return service.entries(kind);
  }

  @Mutation("putDictionaryEntry")
  @Description("Adds or changes a dictionary entry (administrators; deactivate instead of delete).")
  public DictionaryEntry putDictionaryEntry(
      @NonNull String kind, @NonNull String code, @NonNull DictionaryEntryInput input) {
    return service.put(kind, code, input);
  }
}
