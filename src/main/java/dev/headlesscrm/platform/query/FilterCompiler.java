package dev.headlesscrm.platform.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import cz.jirutka.rsql.parser.RSQLParser;
import cz.jirutka.rsql.parser.RSQLParserException;
import cz.jirutka.rsql.parser.ast.AndNode;
import cz.jirutka.rsql.parser.ast.ComparisonNode;
import cz.jirutka.rsql.parser.ast.ComparisonOperator;
import cz.jirutka.rsql.parser.ast.LogicalNode;
import cz.jirutka.rsql.parser.ast.Node;
import cz.jirutka.rsql.parser.ast.OrNode;
import cz.jirutka.rsql.parser.ast.RSQLOperators;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles the API's one filter language (RSQL/FIQL: {@code level==A;industry=in=(IT,Finance)})
 * into SQL for one resource. Only declared fields, relations and custom fields are accepted, values
 * are parsed by field type and always bound, and every error is a 400 problem that names the field
 * and its position in the filter.
 */
public final class FilterCompiler {

  public static final ComparisonOperator LIKE = new ComparisonOperator("=like=", false);
  public static final ComparisonOperator IS_NULL = new ComparisonOperator("=isnull=", false);

  static final int MAX_LENGTH = 4000;
  static final int MAX_COMPARISONS = 100;

  private static final RSQLParser PARSER;
  private static final Pattern COLUMN = Pattern.compile("column (\\d+)");
  private static final Pattern CUSTOM_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    Set<ComparisonOperator> operators = new HashSet<>(RSQLOperators.defaultOperators());
    operators.add(LIKE);
    operators.add(IS_NULL);
    PARSER = new RSQLParser(operators);
  }

  private final ResourceRegistry registry;
  private final FieldVisibility visibility;
  private final RelationScope relationScope;
  private final String filter;
  private int comparisons;
  private int aliases;

  private FilterCompiler(
      ResourceRegistry registry,
      FieldVisibility visibility,
      RelationScope relationScope,
      String filter) {
    this.registry = registry;
    this.visibility = visibility;
    this.relationScope = relationScope;
    this.filter = filter;
  }

  /** The SQL condition on alias {@code t} for this filter; TRUE when the filter is blank. */
  public static SqlFragment compile(ResourceRegistry registry, ResourceSpec spec, String filter) {
    return compile(registry, FieldVisibility.NONE, RelationScope.NONE, spec, filter);
  }

  /** As above; fields hidden from the caller (on this resource or a related one) are refused. */
  public static SqlFragment compile(
      ResourceRegistry registry,
      FieldVisibility visibility,
      RelationScope relationScope,
      ResourceSpec spec,
      String filter) {
    if (filter == null || filter.isBlank()) {
      return SqlFragment.TRUE;
    }
    if (filter.length() > MAX_LENGTH) {
      throw bad(
          "The filter is longer than " + MAX_LENGTH + " characters; send it with POST /search.",
          "过滤条件超过 " + MAX_LENGTH + " 个字符，请改用 POST /search。");
    }
    Node root;
    try {
      root = PARSER.parse(filter);
    } catch (RSQLParserException e) {
      throw bad(
          "The filter is not valid at position " + position(e) + ": " + firstLine(e),
          "过滤条件在第 " + position(e) + " 个字符处有语法错误：" + firstLine(e));
    }
    FilterCompiler compiler = new FilterCompiler(registry, visibility, relationScope, filter);
    List<Object> params = new ArrayList<>();
    String sql = compiler.node(root, spec, "t", params);
    return new SqlFragment(sql, params);
  }

  private String node(Node node, ResourceSpec spec, String alias, List<Object> params) {
    if (node instanceof LogicalNode logical) {
      String joiner = node instanceof AndNode ? " AND " : node instanceof OrNode ? " OR " : null;
      List<String> parts = new ArrayList<>();
      for (Node child : logical.getChildren()) {
        parts.add(node(child, spec, alias, params));
      }
      return "(" + String.join(joiner, parts) + ")";
    }
    ComparisonNode comparison = (ComparisonNode) node;
    if (++comparisons > MAX_COMPARISONS) {
      throw bad(
          "The filter has more than " + MAX_COMPARISONS + " comparisons.",
          "过滤条件中的比较超过 " + MAX_COMPARISONS + " 个。");
    }
    return path(comparison, comparison.getSelector(), spec, alias, params);
  }

  private String path(
      ComparisonNode node, String path, ResourceSpec spec, String alias, List<Object> params) {
    int dot = path.indexOf('.');
    if (dot > 0 && spec.field(path) == null) {
      String head = path.substring(0, dot);
      String rest = path.substring(dot + 1);
      if (head.equals("custom") && spec.customFieldsColumn() != null) {
        return custom(node, rest, spec, alias, params);
      }
      Relation relation = spec.relations().get(head);
      if (relation == null) {
        throw unknownField(node, spec);
      }
      ResourceSpec target = registry.get(relation.target());
      String inner = "r" + (++aliases);
      String live = target.softDelete() ? " AND " + inner + ".deleted_at IS NULL" : "";
      // The related row must be one the caller may see (its params come before the inner path's).
      SqlFragment visible = relationScope.condition(target.name(), inner);
      if (visible != SqlFragment.TRUE) {
        live += " AND (" + visible.sql() + ")";
        params.addAll(visible.params());
      }
      return "EXISTS (SELECT 1 FROM "
          + target.table()
          + " "
          + inner
          + " WHERE "
          + inner
          + ".id = "
          + alias
          + "."
          + relation.column()
          + live
          + " AND "
          + path(node, rest, target, inner, params)
          + ")";
    }
    Field field = spec.field(path);
    if (field == null || !field.filterable()) {
      throw unknownField(node, spec);
    }
    if (visibility.hiddenPath(spec.name(), path)) {
      throw FieldVisibility.refused("filter", node.getSelector());
    }
    return compare(node, field.sql(alias), field, params);
  }

  private String compare(ComparisonNode node, String column, Field field, List<Object> params) {
    ComparisonOperator op = node.getOperator();
    List<String> args = node.getArguments();
    String name = node.getSelector();
    if (op.equals(IS_NULL)) {
      boolean isNull = (Boolean) FieldType.BOOLEAN.parse(name, args.get(0), null);
      return column + (isNull ? " IS NULL" : " IS NOT NULL");
    }
    if (field.type() == FieldType.TAGS) {
      return tags(node, column, params);
    }
    if (op.equals(LIKE)) {
      if (field.type() != FieldType.STRING) {
        throw operatorNotFor(node, "text");
      }
      params.add("%" + escapeLike(args.get(0)) + "%");
      return column + " ILIKE ? ESCAPE '\\'";
    }
    if (op.equals(RSQLOperators.IN) || op.equals(RSQLOperators.NOT_IN)) {
      List<String> marks = new ArrayList<>();
      for (String arg : args) {
        params.add(value(field, name, arg));
        marks.add("?");
      }
      String list = "(" + String.join(", ", marks) + ")";
      return op.equals(RSQLOperators.IN)
          ? column + " IN " + list
          : "(" + column + " NOT IN " + list + " OR " + column + " IS NULL)";
    }
    params.add(value(field, name, args.get(0)));
    if (op.equals(RSQLOperators.EQUAL)) {
      return column + " = ?";
    }
    if (op.equals(RSQLOperators.NOT_EQUAL)) {
      return column + " IS DISTINCT FROM ?";
    }
    if (field.type() == FieldType.BOOLEAN || field.type() == FieldType.UUID_) {
      throw operatorNotFor(node, "ordered values");
    }
    String sqlOp =
        op.equals(RSQLOperators.GREATER_THAN)
            ? ">"
            : op.equals(RSQLOperators.GREATER_THAN_OR_EQUAL)
                ? ">="
                : op.equals(RSQLOperators.LESS_THAN) ? "<" : "<=";
    return column + " " + sqlOp + " ?";
  }

  /** Tags: == has the tag, != lacks it, =in= has any, =out= has none (GIN-indexable). */
  private String tags(ComparisonNode node, String column, List<Object> params) {
    ComparisonOperator op = node.getOperator();
    List<String> marks = new ArrayList<>();
    for (String arg : node.getArguments()) {
      params.add(arg);
      marks.add("?");
    }
    String array = "CAST(ARRAY[" + String.join(", ", marks) + "] AS text[])";
    if (op.equals(RSQLOperators.EQUAL)) {
      return column + " @> " + array;
    }
    if (op.equals(RSQLOperators.NOT_EQUAL)) {
      return "NOT (" + column + " @> " + array + ")";
    }
    if (op.equals(RSQLOperators.IN)) {
      return column + " && " + array;
    }
    if (op.equals(RSQLOperators.NOT_IN)) {
      return "NOT (" + column + " && " + array + ")";
    }
    throw operatorNotFor(node, "values other than tags");
  }

  private String custom(
      ComparisonNode node, String key, ResourceSpec spec, String alias, List<Object> params) {
    if (!CUSTOM_KEY.matcher(key).matches()) {
      throw unknownField(node, spec);
    }
    String column = alias + "." + spec.customFieldsColumn();
    ComparisonOperator op = node.getOperator();
    String value = node.getArguments().get(0);
    if (op.equals(RSQLOperators.EQUAL)) {
      // Containment, so the GIN index on the custom fields column serves it.
      params.add(JSON.createObjectNode().put(key, value).toString());
      return column + " @> CAST(? AS jsonb)";
    }
    Field asText = new Field(node.getSelector(), null, FieldType.STRING, true, false, true, null);
    params.add(key);
    return compare(node, "(" + column + " ->> ?)", asText, params);
  }

  private static Object value(Field field, String name, String raw) {
    return field.type().parse(name, raw, field.enumType());
  }

  static String escapeLike(String raw) {
    return raw.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private CrmException unknownField(ComparisonNode node, ResourceSpec spec) {
    String selector = node.getSelector();
    int at = filter.indexOf(selector) + 1;
    String known =
        String.join(
            ", ",
            spec.fields().values().stream().filter(Field::filterable).map(Field::name).toList());
    String relations = String.join(", ", spec.relations().keySet());
    return bad(
        "Unknown or unfilterable field '"
            + selector
            + "' at position "
            + at
            + ". Filterable: "
            + known
            + (relations.isEmpty() ? "" : "; relations: " + relations)
            + (spec.customFieldsColumn() == null ? "" : "; custom.<key>")
            + ".",
        "第 " + at + " 个字符处的字段 '" + selector + "' 不存在或不可过滤。可过滤字段：" + known + "。");
  }

  private CrmException operatorNotFor(ComparisonNode node, String kind) {
    int at = filter.indexOf(node.getSelector()) + 1;
    String op = node.getOperator().getSymbol();
    return bad(
        "Operator " + op + " at position " + at + " only applies to " + kind + ".",
        "第 " + at + " 个字符处的运算符 " + op + " 不适用于字段 '" + node.getSelector() + "'。");
  }

  private static int position(RSQLParserException e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    Matcher m = COLUMN.matcher(String.valueOf(cause.getMessage()));
    return m.find() ? Integer.parseInt(m.group(1)) : 1;
  }

  private static String firstLine(RSQLParserException e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    String message = String.valueOf(cause.getMessage());
    int newline = message.indexOf('\n');
    return (newline > 0 ? message.substring(0, newline) : message).trim();
  }

  private static CrmException bad(String en, String zh) {
    return CrmException.malformed(Text.of(en, zh));
  }
}
