package dev.headlesscrm.platform.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the field-counting complexity limit misses: aliases multiply an expensive field without
 * making the query deeper or much wider (60 aliases of {@code customers(first: 500)} are 300 fields
 * but 30,000 rows). Checked on the parsed document before anything runs: one field that takes
 * arguments or selects fields may appear under at most {@link #MAX_ALIASES} names in a selection
 * set, and the lists an operation asks for at its root may together page at most {@link
 * #MAX_ROOT_ROWS} rows ({@code first}, given literally or by a variable).
 */
final class QueryCost {

  static final int MAX_ALIASES = 10;
  static final int MAX_ROOT_ROWS = 5_000;

  private QueryCost() {}

  /** The reason the query is refused, or null. */
  static String refusal(Document document, JsonNode variables) {
    Map<String, FragmentDefinition> fragments = new HashMap<>();
    for (FragmentDefinition f : document.getDefinitionsOfType(FragmentDefinition.class)) {
      fragments.put(f.getName(), f);
    }
    for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
      String aliases = aliases(operation.getSelectionSet(), fragments, new HashSet<>());
      if (aliases != null) {
        return aliases;
      }
      long rows = rootRows(operation.getSelectionSet(), fragments, variables, new HashSet<>());
      if (rows > MAX_ROOT_ROWS) {
        return "The query asks for "
            + rows
            + " rows at its root; at most "
            + MAX_ROOT_ROWS
            + " (sum of first) per request.";
      }
    }
    return null;
  }

  private static String aliases(
      SelectionSet set, Map<String, FragmentDefinition> fragments, Set<String> visited) {
    if (set == null) {
      return null;
    }
    Map<String, Integer> counts = new HashMap<>();
    for (Field field : fields(set, fragments, new HashSet<>(visited))) {
      if (field.getArguments().isEmpty() && field.getSelectionSet() == null) {
        continue; // a plain scalar costs what the field-counting complexity limit says
      }
      int n = counts.merge(field.getName(), 1, Integer::sum);
      if (n > MAX_ALIASES) {
        return "The field "
            + field.getName()
            + " is selected more than "
            + MAX_ALIASES
            + " times (aliases) in one selection.";
      }
      String nested = aliases(field.getSelectionSet(), fragments, visited);
      if (nested != null) {
        return nested;
      }
    }
    return null;
  }

  private static long rootRows(
      SelectionSet set,
      Map<String, FragmentDefinition> fragments,
      JsonNode variables,
      Set<String> visited) {
    long rows = 0;
    for (Field field : fields(set, fragments, visited)) {
      for (Argument argument : field.getArguments()) {
        if (argument.getName().equals("first")) {
          rows += first(argument, variables);
        }
      }
    }
    return rows;
  }

  /** Rows times fields, per point: what one rate-limit point buys of a GraphQL query. */
  static final int CELLS_PER_POINT = 100;

  /**
   * What a request costs in rate-limit points: 1, plus one per {@value #CELLS_PER_POINT} cells it
   * asks for, a cell being one field of one row: for each field at the root, its {@code first} (1
   * when it has none) times the fields selected below it. {@code customers(first: 50)} with ten
   * fields costs 6 points; {@code customer(id)} with any selection 1 or 2.
   */
  static int points(Document document, JsonNode variables) {
    Map<String, FragmentDefinition> fragments = new HashMap<>();
    for (FragmentDefinition f : document.getDefinitionsOfType(FragmentDefinition.class)) {
      fragments.put(f.getName(), f);
    }
    long cells = 0;
    for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
      for (Field root : fields(operation.getSelectionSet(), fragments, new HashSet<>())) {
        long rows = 0;
        for (Argument argument : root.getArguments()) {
          if (argument.getName().equals("first")) {
            rows = first(argument, variables);
          }
        }
        cells += Math.max(1, rows) * below(root.getSelectionSet(), fragments, new HashSet<>());
      }
    }
    return (int) Math.min(Integer.MAX_VALUE, 1 + cells / CELLS_PER_POINT);
  }

  /** Every field selected below a selection set, at any depth. */
  private static long below(
      SelectionSet set, Map<String, FragmentDefinition> fragments, Set<String> visited) {
    long count = 0;
    for (Field field : fields(set, fragments, visited)) {
      count += 1 + below(field.getSelectionSet(), fragments, visited);
    }
    return count;
  }

  private static long first(Argument argument, JsonNode variables) {
    if (argument.getValue() instanceof IntValue literal) {
      return Math.max(0, literal.getValue().longValue());
    }
    if (argument.getValue() instanceof VariableReference ref
        && variables != null
        && variables.path(ref.getName()).canConvertToLong()) {
      return Math.max(0, variables.path(ref.getName()).asLong());
    }
    return 0;
  }

  /** The fields of a selection set, fragments inlined (each named fragment once per path). */
  private static java.util.List<Field> fields(
      SelectionSet set, Map<String, FragmentDefinition> fragments, Set<String> visited) {
    java.util.List<Field> out = new java.util.ArrayList<>();
    if (set == null) {
      return out;
    }
    for (Selection<?> selection : set.getSelections()) {
      if (selection instanceof Field field) {
        out.add(field);
      } else if (selection instanceof InlineFragment inline) {
        out.addAll(fields(inline.getSelectionSet(), fragments, visited));
      } else if (selection instanceof FragmentSpread spread
          && fragments.containsKey(spread.getName())
          && visited.add(spread.getName())) {
        out.addAll(fields(fragments.get(spread.getName()).getSelectionSet(), fragments, visited));
      }
    }
    return out;
  }
}
