package dev.headlesscrm.platform.search;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Free-text search ({@code q}) on stock PostgreSQL with indexes, for Chinese as well as Latin text.
 *
 * <h2>Stored: two columns per searchable table</h2>
 *
 * A record's search values (names, 助记码, number/code, phones, emails) become
 *
 * <ul>
 *   <li>{@code search_text text}: each value {@linkplain #normalize normalised} (NFKC, so
 *       full-width {@code ＡＢＣ１２３} is {@code abc123}; lower-case; whitespace collapsed), phones
 *       reduced to digits ({@link #phone}), joined with a newline, which no normalised query
 *       contains, so a match never spans two values. Indexed {@code USING gin (search_text
 *       gin_trgm_ops)}, which serves {@code LIKE '%q%'} for q of three or more characters.
 *   <li>{@code search_tokens text[]}: short tokens for one- and two-character queries, which a
 *       trigram index cannot serve (a pattern {@code %q%} shorter than three characters yields no
 *       trigram). Indexed {@code USING gin (search_tokens)} (stock {@code array_ops}), queried with
 *       {@code @>}.
 * </ul>
 *
 * Tokens, by kind of value ({@link Builder}):
 *
 * <ul>
 *   <li>Names ({@link Builder#add}): every CJK character and every pair of adjacent CJK characters
 *       (北京华为 → 北 京 华 为 北京 京华 华为), since Chinese has no spaces and any part may be what the user
 *       remembers; for other words (letters or digits) their first one and two characters ({@code
 *       huawei} → {@code h hu}): a short Latin query is a prefix, as users type it into a picker,
 *       and two letters anywhere would match nearly everything.
 *   <li>助记码 ({@link Builder#mnemonic}): its first letter and every pair of adjacent letters ({@code
 *       bjhwkj} → {@code b bj jh hw wk kj}), so {@code hw} finds 北京华为科技 as {@code 华为} does: a
 *       mnemonic is the name's characters, one letter each.
 *   <li>Numbers, phones, emails ({@link Builder#code}, {@link Builder#phone}, {@link
 *       Builder#email}): none. A table's numbers all start alike, one or two digits of a phone or
 *       {@code co} of {@code .com} identify nothing; from three characters the trigram index finds
 *       them anywhere.
 * </ul>
 *
 * A typical company (10-character name, its mnemonic, number, phone, email) has about 30 tokens.
 * Only short identifying values belong here, not remarks: tokens grow with the text.
 *
 * <p>Every token is a substring of {@code search_text}, so the token condition never contradicts
 * the {@code LIKE} recheck.
 *
 * <h2>Queried: {@link #query}</h2>
 *
 * A query is split on spaces into terms that must all match (华为 深圳). A term of one or two
 * characters is looked up as tokens; a longer term as {@code LIKE '%term%'} (with {@code %}, {@code
 * _} and {@code \} escaped), plus, when it contains Chinese, its bigrams as tokens, so that
 * PostgreSQL can combine both indexes (BitmapAnd) and Chinese is served even where pg_trgm cannot
 * see it: with {@code LC_CTYPE=C}, pg_trgm ignores every non-ASCII character. Short terms get the
 * {@code LIKE} too, as an exact recheck of the rows the token index returns. A term that looks like
 * a phone number ({@code 138-0013-8000}, {@code +86 138 0013 8000}) is also matched in its digits
 * form. Both sides are lower-cased here, so {@code LIKE} suffices ({@code ILIKE}, which
 * gin_trgm_ops serves as well, would only add work).
 *
 * <pre>{@code
 * search_text   text   NOT NULL DEFAULT '',
 * search_tokens text[] NOT NULL DEFAULT '{}'
 * CREATE INDEX customer_search_text_trgm ON customer USING gin (search_text gin_trgm_ops);
 * CREATE INDEX customer_search_tokens ON customer USING gin (search_tokens);
 * }</pre>
 */
public final class SearchText {

  /** Longest accepted query, in characters (code points). */
  public static final int MAX_QUERY_LENGTH = 100;

  /** Bigrams of a long Chinese term sent as tokens; more would narrow little and cost lookups. */
  static final int MAX_TERM_TOKENS = 8;

  /** Between two values in {@code search_text}; normalisation turns it into a space in a query. */
  static final String VALUE_SEPARATOR = "\n";

  private static final Pattern PHONE_LIKE = Pattern.compile("[+(]*[0-9][0-9 ()\\-./]*");

  private SearchText() {}

  /** What to store in the two search columns of one record. */
  public record Columns(String searchText, List<String> searchTokens) {

    public Columns {
      searchTokens = List.copyOf(searchTokens);
    }

    /** The tokens as a {@code text[]} parameter. */
    public String[] searchTokenArray() {
      return searchTokens.toArray(String[]::new);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects a record's search values. Blank and repeated values are ignored. */
  public static final class Builder {
    private final Set<String> texts = new LinkedHashSet<>();
    private final Set<String> tokens = new TreeSet<>();
    private final Set<String> mnemonics = new LinkedHashSet<>();
    private final Set<String> latinNames = new LinkedHashSet<>();

    private Builder() {}

    /** A name or short name: searchable by any part, one or two characters included. */
    public Builder add(String value) {
      String v = normalize(value);
      if (texts.add(v) && !v.isEmpty()) {
        nameTokens(v, tokens);
        latinNames.add(asciiLettersAndDigits(v));
      }
      return this;
    }

    /** Several names at once; {@code null}s are skipped. */
    public Builder add(Iterable<String> values) {
      if (values != null) {
        values.forEach(this::add);
      }
      return this;
    }

    /**
     * A 助记码 (see {@link Mnemonic}): also found by its first letter and by any two adjacent letters
     * ({@code hw} in {@code bjhwkj}). The mnemonic of a purely Latin name ({@code IBM}) is the name
     * itself and gets no extra tokens, so that short Latin queries stay word prefixes.
     */
    public Builder mnemonic(String value) {
      String v = normalize(value);
      if (!v.isEmpty()) {
        texts.add(v);
        mnemonics.add(v);
      }
      return this;
    }

    /**
     * A number or code ({@code C-2026-000123}, an ERP id): found by three or more characters of it.
     * No short tokens: all of a table's numbers start alike, so {@code c} or {@code 20} would match
     * every row.
     */
    public Builder code(String value) {
      texts.add(normalize(value));
      return this;
    }

    /** A phone number, stored as digits so that any spelling of it matches (see {@link #phone}). */
    public Builder phone(String value) {
      texts.add(SearchText.phone(value));
      return this;
    }

    /** An email address: found by three or more characters of it. */
    public Builder email(String value) {
      texts.add(normalize(value));
      return this;
    }

    public Columns build() {
      Set<String> all = new TreeSet<>(tokens);
      for (String mnemonic : mnemonics) {
        if (!latinNames.contains(mnemonic)) {
          mnemonicTokens(mnemonic, all);
        }
      }
      List<String> values = new ArrayList<>(texts);
      values.remove("");
      return new Columns(String.join(VALUE_SEPARATOR, values), new ArrayList<>(all));
    }

    /** What {@link Mnemonic} keeps of a Latin name, lower-cased. */
    private static String asciiLettersAndDigits(String normalized) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < normalized.length() && out.length() < Mnemonic.MAX_LENGTH; i++) {
        char c = normalized.charAt(i);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
          out.append(c);
        }
      }
      return out.toString();
    }
  }

  /**
   * The normal form of search text: NFKC (full-width letters, digits, spaces and punctuation become
   * their ASCII forms; compatibility ideographs their unified ones), lower case (root locale), runs
   * of whitespace and control characters one space, no leading or trailing space, format characters
   * such as zero-width spaces removed.
   */
  public static String normalize(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String s = Normalizer.normalize(value, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)) {
        space = !out.isEmpty();
      } else if (Character.getType(cp) != Character.FORMAT) {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }

  /**
   * A phone number as digits only: spaces, dashes, dots, slashes and parentheses go, and so does a
   * leading {@code +86} / {@code 0086} (or {@code 86} before an 11-digit mobile number). A Chinese
   * landline written internationally gets its trunk {@code 0} back ({@code +86 10 6253 1234} →
   * {@code 01062531234}, as written at home), mobiles ({@code 1} then not {@code 0}) stay as they
   * are. Other country codes are kept, without the {@code +}.
   */
  public static String phone(String value) {
    if (value == null) {
      return "";
    }
    String s = Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
    boolean plus = s.startsWith("+") || s.startsWith("(+");
    StringBuilder digits = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      }
    }
    String d = digits.toString();
    boolean national = false;
    if (plus && d.startsWith("86")) {
      d = d.substring(2);
      national = true;
    } else if (!plus && d.startsWith("0086")) {
      d = d.substring(4);
      national = true;
    } else if (!plus && d.length() == 13 && d.startsWith("861") && d.charAt(3) != '0') {
      d = d.substring(2); // 86 13800138000
    }
    if (national && d.length() > 1 && d.charAt(0) != '0' && !isMobilePrefix(d)) {
      d = "0" + d;
    }
    return d;
  }

  private static boolean isMobilePrefix(String digits) {
    return digits.charAt(0) == '1' && digits.charAt(1) != '0'; // 010 is Beijing's area code
  }

  /**
   * How to search for {@code q}: {@link Query#isEmpty() empty} (no condition) when {@code q} is
   * null, blank or holds no letter or digit; a 400 problem when it is longer than {@value
   * #MAX_QUERY_LENGTH} characters.
   */
  public static Query query(String q) {
    String nq = normalize(q);
    if (nq.codePointCount(0, nq.length()) > MAX_QUERY_LENGTH) {
      throw CrmException.malformed(
          Text.of(
              "The search text q is longer than " + MAX_QUERY_LENGTH + " characters.",
              "搜索内容 q 超过 " + MAX_QUERY_LENGTH + " 个字符。"));
    }
    if (!hasLetterOrDigit(nq)) {
      return Query.NONE;
    }
    if (PHONE_LIKE.matcher(nq).matches()) {
      String digits = phone(nq);
      List<String> patterns = new ArrayList<>(2);
      if (digits.length() >= 3 && !digits.equals(nq)) {
        patterns.add(contains(digits));
      }
      patterns.add(contains(nq));
      return new Query(List.of(term(nq, patterns)));
    }
    Set<String> seen = new LinkedHashSet<>();
    List<Term> terms = new ArrayList<>();
    for (String word : nq.split(" ")) {
      if (hasLetterOrDigit(word) && seen.add(word)) {
        terms.add(term(word, List.of(contains(word))));
      }
    }
    return new Query(terms);
  }

  private static Term term(String text, List<String> patterns) {
    int length = text.codePointCount(0, text.length());
    Set<String> tokens = new LinkedHashSet<>();
    if (length <= 2) {
      if (containsCjk(text)) {
        cjkGrams(text, tokens, false); // 华 → 华, 华为 → 华为 (its bigram, not also 华 and 为)
      } else {
        nameTokens(text, tokens); // the word's own prefix: the whole short term
        tokens.removeIf(t -> t.codePointCount(0, t.length()) < wordLength(text));
      }
    } else if (containsCjk(text)) {
      cjkGrams(text, tokens, false);
    }
    List<String> limited = tokens.stream().limit(MAX_TERM_TOKENS).toList();
    return new Term(text, limited, List.copyOf(patterns));
  }

  /** The letters and digits of a short term (for "a." the token is "a"). */
  private static int wordLength(String term) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < term.length(); ) {
      int cp = term.codePointAt(i);
      i += Character.charCount(cp);
      run = isWordChar(cp) ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }

  /**
   * The query form: terms ANDed. All tokens go into one {@code @>} array (the GIN index intersects
   * them); each term has one or more {@code LIKE} patterns, ORed.
   */
  public record Query(List<Term> terms) {

    static final Query NONE = new Query(List.of());

    public Query {
      terms = List.copyOf(terms);
    }

    /** No search condition at all (blank {@code q}). */
    public boolean isEmpty() {
      return terms.isEmpty();
    }

    /** Every token the row's {@code search_tokens} must contain. */
    public List<String> tokens() {
      Set<String> all = new LinkedHashSet<>();
      terms.forEach(t -> all.addAll(t.tokens()));
      return List.copyOf(all);
    }

    /**
     * The condition as SQL with {@code ?} placeholders for {@link #parameters()}, e.g. {@code
     * search_tokens @> CAST(ARRAY[?] AS text[]) AND (search_text LIKE ? ESCAPE '\')}; {@code TRUE}
     * when empty. Column names must be plain (qualified) identifiers.
     */
    public String sql(String textColumn, String tokensColumn) {
      requireIdentifier(textColumn);
      requireIdentifier(tokensColumn);
      if (isEmpty()) {
        return "TRUE";
      }
      List<String> parts = new ArrayList<>();
      List<String> tokens = tokens();
      if (!tokens.isEmpty()) {
        // CAST rather than ::text[], which JPA native queries would take for a named parameter
        parts.add(
            tokensColumn
                + " @> CAST(ARRAY["
                + String.join(", ", Collections.nCopies(tokens.size(), "?"))
                + "] AS text[])");
      }
      for (Term term : terms) {
        if (!term.tokens().isEmpty()) {
          // The token index has found the rows; an exact recheck that no index can serve keeps
          // the planner (generic plans of prepared statements included) from also scanning the
          // trigram index with a pattern too short to have trigrams, i.e. every row.
          parts.add("strpos(" + textColumn + ", ?) > 0");
          continue;
        }
        List<String> likes = new ArrayList<>();
        for (int i = 0; i < term.likePatterns().size(); i++) {
          likes.add(textColumn + " LIKE ? ESCAPE '\\'");
        }
        parts.add("(" + String.join(" OR ", likes) + ")");
      }
      return String.join(" AND ", parts);
    }

    /** The values for the placeholders of {@link #sql}, in order (all strings). */
    public List<Object> parameters() {
      List<Object> values = new ArrayList<>(tokens());
      terms.forEach(
          t -> {
            if (t.tokens().isEmpty()) {
              values.addAll(t.likePatterns());
            } else {
              values.add(t.text());
            }
          });
      return values;
    }

    private static void requireIdentifier(String column) {
      if (column == null || !column.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
        throw new IllegalArgumentException("not a column name: " + column);
      }
    }
  }

  /**
   * One term of a query: {@code tokens} that {@code search_tokens} must all contain (empty for a
   * Latin term of three or more characters, which only the trigram index serves) and {@code
   * likePatterns} of which {@code search_text} must match one.
   */
  public record Term(String text, List<String> tokens, List<String> likePatterns) {
    public Term {
      tokens = List.copyOf(tokens);
      likePatterns = List.copyOf(likePatterns);
    }
  }

  /** {@code %text%} with the LIKE metacharacters of {@code text} escaped by backslash. */
  static String contains(String text) {
    StringBuilder out = new StringBuilder(text.length() + 4).append('%');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' || c == '_' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append('%').toString();
  }

  /** CJK unigrams and bigrams of every CJK run; first one and two characters of other words. */
  static void nameTokens(String normalized, Set<String> tokens) {
    int i = 0;
    int n = normalized.length();
    while (i < n) {
      int cp = normalized.codePointAt(i);
      if (isCjk(cp)) {
        int end = i;
        while (end < n && isCjk(normalized.codePointAt(end))) {
          end += Character.charCount(normalized.codePointAt(end));
        }
        cjkGrams(normalized.substring(i, end), tokens, true);
        i = end;
      } else if (isWordChar(cp)) {
        int end = i;
        while (end < n && isWordChar(normalized.codePointAt(end))) {
          end += Character.charCount(normalized.codePointAt(end));
        }
        int one = i + Character.charCount(cp);
        tokens.add(normalized.substring(i, one));
        if (one < end) {
          tokens.add(
              normalized.substring(i, one + Character.charCount(normalized.codePointAt(one))));
        }
        i = end;
      } else {
        i += Character.charCount(cp);
      }
    }
  }

  /** Bigrams of each CJK run in {@code text}, and unigrams when asked or when a run is one long. */
  private static void cjkGrams(String text, Set<String> tokens, boolean unigrams) {
    int prev = -1;
    int run = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!isCjk(cp)) {
        if (run == 1 && !unigrams) {
          tokens.add(new String(Character.toChars(prev)));
        }
        prev = -1;
        run = 0;
        continue;
      }
      if (unigrams) {
        tokens.add(new String(Character.toChars(cp)));
      }
      if (prev >= 0) {
        tokens.add(new StringBuilder().appendCodePoint(prev).appendCodePoint(cp).toString());
      }
      prev = cp;
      run++;
    }
    if (run == 1 && !unigrams) {
      tokens.add(new String(Character.toChars(prev)));
    }
  }

  /** The first letter or digit, and every pair of adjacent ones. */
  private static void mnemonicTokens(String mnemonic, Set<String> tokens) {
    boolean first = true;
    int prev = -1;
    for (int i = 0; i < mnemonic.length(); ) {
      int cp = mnemonic.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetterOrDigit(cp)) {
        prev = -1;
        continue;
      }
      if (first) {
        tokens.add(new String(Character.toChars(cp)));
        first = false;
      }
      if (prev >= 0) {
        tokens.add(new StringBuilder().appendCodePoint(prev).appendCodePoint(cp).toString());
      }
      prev = cp;
    }
  }

  /** Scripts written without spaces between words. */
  static boolean isCjk(int cp) {
    if (cp < 0x1100) {
      return false;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL
        || script == Character.UnicodeScript.BOPOMOFO;
  }

  private static boolean isWordChar(int cp) {
    return Character.isLetterOrDigit(cp) && !isCjk(cp);
  }

  private static boolean containsCjk(String s) {
    return s.codePoints().anyMatch(SearchText::isCjk);
  }

  private static boolean hasLetterOrDigit(String s) {
    return s.codePoints().anyMatch(Character::isLetterOrDigit);
  }
}
