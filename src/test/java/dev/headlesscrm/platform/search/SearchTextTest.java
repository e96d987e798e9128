package dev.headlesscrm.platform.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.ProblemType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The search contract end to end: records are indexed with {@link SearchText#builder()} and queries
 * evaluated exactly as the SQL of {@link SearchText.Query#sql} would ({@code @>} on the tokens,
 * {@code LIKE ... ESCAPE '\'} on the text), over a handful of customers.
 */
class SearchTextTest {

  private static final Map<String, SearchText.Columns> CUSTOMERS = new LinkedHashMap<>();

  static {
    customer("北京华为科技有限公司", "华为", "C-2026-000123", "138-0013-8000", "sales@huawei.com");
    customer("Huawei Technologies Co., Ltd.", null, "C-2026-000124", "+86 755 2878 0808", null);
    customer("深圳市腾讯计算机系统有限公司", "腾讯", "C-2026-000125", "(0755) 8601-3388", "bd@tencent.com");
    customer("3M中国有限公司", "3M", "C-2026-000126", "+86 10 6253 1234", null);
    customer("重庆银行股份有限公司", "重庆银行", "C-2026-000127", null, "ir@cqcbank.com");
    customer("５０%折扣商城", null, "C-2026-000128", null, "a_b@shop.cn");
    customer("华东区经销商", null, "C-2026-000129", null, "axb@shop.cn");
    customer("58同城", null, "C-2026-000130", null, null);
  }

  private static void customer(
      String name, String shortName, String number, String phone, String email) {
    SearchText.Columns columns =
        SearchText.builder()
            .add(name)
            .add(shortName)
            .mnemonic(Mnemonic.of(name))
            .code(number)
            .phone(phone)
            .email(email)
            .build();
    CUSTOMERS.put(name, columns);
  }

  /** The names of the customers {@code q} finds, evaluated as PostgreSQL would. */
  private static List<String> search(String q) {
    SearchText.Query query = SearchText.query(q);
    List<String> found = new ArrayList<>();
    CUSTOMERS.forEach(
        (name, row) -> {
          if (query.isEmpty() || matches(query, row)) {
            found.add(name);
          }
        });
    return found;
  }

  private static boolean matches(SearchText.Query query, SearchText.Columns row) {
    if (!row.searchTokens().containsAll(query.tokens())) {
      return false;
    }
    return query.terms().stream()
        .allMatch(t -> t.likePatterns().stream().anyMatch(p -> like(row.searchText(), p)));
  }

  /** PostgreSQL's {@code text LIKE pattern ESCAPE '\'}. */
  static boolean like(String text, String pattern) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();
  }

  @Test
  void findsChineseNamesByAnyPartOfThem() {
    assertEquals(List.of("北京华为科技有限公司"), search("北京华为科技有限公司"));
    assertEquals(List.of("北京华为科技有限公司"), search("华为科技"));
    assertEquals(List.of("北京华为科技有限公司"), search("华为"), "two characters, by bigram");
    assertEquals(List.of("北京华为科技有限公司", "华东区经销商"), search("华"), "one character");
    assertEquals(List.of(), search("为华"), "order matters");
    assertEquals(List.of(), search("华科"), "adjacent only");
    assertEquals(List.of("重庆银行股份有限公司"), search("银行"));
    assertEquals(List.of("深圳市腾讯计算机系统有限公司"), search("腾讯计算"));
  }

  @Test
  void findsByMnemonicLikeByTheCharacters() {
    assertEquals(List.of("北京华为科技有限公司"), search("hw"), "华为 as HW");
    assertEquals(List.of("北京华为科技有限公司"), search("HW"));
    assertEquals(List.of("北京华为科技有限公司"), search("bjhw"));
    assertEquals(List.of("北京华为科技有限公司"), search("b"), "one letter: the mnemonic's first");
    assertEquals(List.of(), search("j"), "not any letter of it");
    assertEquals(List.of("重庆银行股份有限公司"), search("cqyh"));
    assertEquals(List.of("深圳市腾讯计算机系统有限公司"), search("tx"));
  }

  @Test
  void shortLatinQueriesArePrefixesLongerOnesAnywhere() {
    assertEquals(List.of("Huawei Technologies Co., Ltd."), search("hu"));
    assertEquals(List.of("Huawei Technologies Co., Ltd."), search("te"));
    assertEquals(List.of(), search("ua"), "not a word start");
    assertEquals(
        List.of("北京华为科技有限公司", "Huawei Technologies Co., Ltd."),
        search("uaw"),
        "three: anywhere, sales@huawei.com included");
    assertEquals(List.of("北京华为科技有限公司", "Huawei Technologies Co., Ltd."), search("huawei"));
  }

  @Test
  void mixedAndFullWidthText() {
    assertEquals(List.of("3M中国有限公司"), search("3m"));
    assertEquals(List.of("3M中国有限公司"), search("3M中国"));
    assertEquals(List.of("3M中国有限公司"), search("m中"), "two characters across scripts");
    assertEquals(List.of("3M中国有限公司"), search("３Ｍ　中国"), "full-width and ideographic space");
    assertEquals(List.of("Huawei Technologies Co., Ltd."), search("ＨＵＡＷＥＩ　ＴＥＣＨ"));
    assertEquals(List.of("58同城"), search("58"));
    assertEquals(List.of("５０%折扣商城", "58同城"), search("5"));
  }

  @Test
  void severalWordsMustAllMatch() {
    assertEquals(List.of("北京华为科技有限公司"), search("华为 北京"));
    assertEquals(List.of("Huawei Technologies Co., Ltd."), search("huawei ltd"));
    assertEquals(List.of(), search("华为 腾讯"));
  }

  @Test
  void phonesMatchWhateverTheSpelling() {
    String huawei = "北京华为科技有限公司";
    assertEquals(List.of(huawei), search("13800138000"));
    assertEquals(List.of(huawei), search("138-0013-8000"));
    assertEquals(List.of(huawei), search("138 0013 8000"));
    assertEquals(List.of(huawei), search("+86 138 0013 8000"));
    assertEquals(List.of(huawei), search("(+86) 13800138000"));
    assertEquals(List.of(huawei), search("１３８００１３８０００"));
    assertEquals(List.of(huawei), search("0013-8000"), "part of it");
    assertEquals(List.of("深圳市腾讯计算机系统有限公司"), search("0755-8601"));
    assertEquals(List.of("Huawei Technologies Co., Ltd."), search("0755 2878 0808"));
    assertEquals(List.of("3M中国有限公司"), search("010-62531234"));
    assertEquals(List.of("3M中国有限公司"), search("+86 10 6253"));
  }

  @Test
  void phonesAndEmailsGetNoShortTokens() {
    assertEquals(List.of(), search("13"), "two digits of a phone identify nothing");
    assertEquals(List.of(), search("sa"), "nor the start of sales@huawei.com");
    assertEquals(List.of(), search("cn"), "nor .cn");
    assertEquals(List.of("北京华为科技有限公司", "深圳市腾讯计算机系统有限公司", "重庆银行股份有限公司"), search(".com"));
    assertEquals(List.of("深圳市腾讯计算机系统有限公司"), search("bd@tencent"));
  }

  @Test
  void numbersAreFoundByThreeCharactersOrMore() {
    assertEquals(List.of(), search("20"), "every number starts with C-2026-0");
    assertEquals(List.of(), search("00"));
    assertEquals(List.of("北京华为科技有限公司"), search("C-2026-000123"));
    assertEquals(List.of("北京华为科技有限公司"), search("000123"));
    assertEquals(List.of("北京华为科技有限公司"), search("2026-000123"), "digits-only form and raw form");
  }

  @Test
  void likeMetacharactersAreLiteral() {
    assertEquals(List.of("５０%折扣商城"), search("50%"));
    assertEquals(List.of("５０%折扣商城"), search("a_b"), "not axb");
    assertEquals(List.of("华东区经销商"), search("axb"));
    assertEquals(List.of(), search("a\\b"));
  }

  @Test
  void blankOrSymbolOnlyQueriesAreNoSearch() {
    for (String q : new String[] {null, "", "   ", "\u3000", "%", "!!", "--", "\u200B"}) {
      SearchText.Query query = SearchText.query(q);
      assertTrue(query.isEmpty(), "q=" + q);
      assertEquals("TRUE", query.sql("search_text", "search_tokens"));
      assertEquals(List.of(), query.parameters());
      assertEquals(CUSTOMERS.size(), search(q).size());
    }
  }

  @Test
  void tooLongAQueryIsMalformed() {
    CrmException e = assertThrows(CrmException.class, () -> SearchText.query("华".repeat(101)));
    assertEquals(ProblemType.MALFORMED, e.type());
    assertFalse(SearchText.query("华".repeat(100)).isEmpty());
  }

  @Test
  void queryShapes() {
    SearchText.Query one = SearchText.query("华");
    assertEquals(List.of("华"), one.tokens());
    assertEquals(
        "search_tokens @> CAST(ARRAY[?] AS text[]) AND strpos(search_text, ?) > 0",
        one.sql("search_text", "search_tokens"),
        "the token index finds the rows; the recheck is one no index can be tempted by");
    assertEquals(List.of("华", "华"), one.parameters());

    assertEquals(List.of("华为"), SearchText.query("华为").tokens(), "the bigram alone");
    assertEquals(List.of("hu"), SearchText.query("Hu").tokens());
    assertEquals(List.of("a"), SearchText.query("a.").tokens());
    assertEquals(List.of("中"), SearchText.query("m中").tokens(), "Latin part left to the LIKE");

    SearchText.Query chinese = SearchText.query("北京华为");
    assertEquals(List.of("北京", "京华", "华为"), chinese.tokens(), "so both indexes can serve it");
    assertEquals(List.of("%北京华为%"), chinese.terms().get(0).likePatterns());

    SearchText.Query latin = SearchText.query("Huawei");
    assertEquals(List.of(), latin.tokens(), "three or more Latin: trigram index only");
    assertEquals(
        "(c.search_text LIKE ? ESCAPE '\\')", latin.sql("c.search_text", "c.search_tokens"));
    assertEquals(List.of("%huawei%"), latin.parameters());

    SearchText.Query phone = SearchText.query("138-0013-8000");
    assertEquals(
        "(search_text LIKE ? ESCAPE '\\' OR search_text LIKE ? ESCAPE '\\')",
        phone.sql("search_text", "search_tokens"));
    assertEquals(List.of("%13800138000%", "%138-0013-8000%"), phone.parameters());

    SearchText.Query two = SearchText.query("华为 深圳 华为");
    assertEquals(2, two.terms().size(), "repeated words count once");
    assertEquals(
        "search_tokens @> CAST(ARRAY[?, ?] AS text[]) AND strpos(search_text, ?) > 0"
            + " AND strpos(search_text, ?) > 0",
        two.sql("search_text", "search_tokens"));
    assertEquals(List.of("华为", "深圳", "华为", "深圳"), two.parameters());

    assertEquals(List.of("%50\\%%"), SearchText.query("50%").parameters());
    assertEquals(List.of("%a\\_b\\\\c%"), SearchText.query("a_b\\c").parameters());
    assertEquals(SearchText.MAX_TERM_TOKENS, SearchText.query("中华人民共和国国务院办公厅").tokens().size());
  }

  @Test
  void columnNamesAreCheckedBeforeBeingWrittenIntoSql() {
    SearchText.Query q = SearchText.query("华为");
    assertThrows(IllegalArgumentException.class, () -> q.sql("search_text; drop table x", "t"));
    assertThrows(IllegalArgumentException.class, () -> q.sql("search_text", "t)--"));
    assertThrows(IllegalArgumentException.class, () -> q.sql(null, "t"));
  }

  @Test
  void storedColumnsOfATypicalCustomer() {
    SearchText.Columns c = CUSTOMERS.get("北京华为科技有限公司");
    assertEquals(
        "北京华为科技有限公司\n华为\nbjhwkjyxgs\nc-2026-000123\n13800138000\nsales@huawei.com", c.searchText());
    assertTrue(c.searchTokens().containsAll(List.of("北", "北京", "华为", "司", "公司")));
    assertTrue(c.searchTokens().containsAll(List.of("b", "bj", "hw", "gs")));
    assertFalse(c.searchTokens().contains("h"), "a mnemonic's single letters only at its start");
    assertFalse(c.searchTokens().contains("c"), "no number tokens");
    assertFalse(c.searchTokens().contains("13"), "no phone tokens");
    assertFalse(c.searchTokens().contains("sa"), "no email tokens");
    assertFalse(c.searchTokens().contains("京华为"), "no trigrams");
    assertEquals(c.searchTokens().stream().sorted().distinct().toList(), c.searchTokens());
    assertEquals(c.searchTokens().size(), c.searchTokenArray().length);
    // name 10 + 9, short name 0 (already there), mnemonic b + 9 bigrams
    assertEquals(29, c.searchTokens().size());
    CUSTOMERS.forEach(
        (name, row) ->
            System.out.printf(
                "search columns of %s: %d tokens, %d UTF-8 bytes of tokens, search_text %d chars%n",
                name,
                row.searchTokens().size(),
                row.searchTokens().stream()
                    .mapToInt(t -> t.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .sum(),
                row.searchText().length()));
  }

  @Test
  void everyTokenIsPartOfTheSearchText() {
    CUSTOMERS.forEach(
        (name, row) -> {
          for (String token : row.searchTokens()) {
            assertTrue(row.searchText().contains(token), name + ": " + token);
          }
        });
  }

  @Test
  void normalisation() {
    assertEquals("huawei 科技", SearchText.normalize("  ＨＵＡＷＥＩ　\t科技\n"));
    assertEquals("a b", SearchText.normalize("a\u0000\u0007b"));
    assertEquals("ab", SearchText.normalize("a\u200Bb"), "zero-width space");
    assertEquals("(株)", SearchText.normalize("㈱"));
    assertEquals("", SearchText.normalize(null));
    assertEquals("\u8C48", SearchText.normalize("\uF900"), "compatibility ideograph → unified");
  }

  @Test
  void phoneNormalisation() {
    for (String p :
        new String[] {
          "13800138000",
          "138-0013-8000",
          "138 0013 8000",
          "+86 138 0013 8000",
          "+86-13800138000",
          "(+86)13800138000",
          "0086 13800138000",
          "8613800138000",
          "１３８-００１３-８０００"
        }) {
      assertEquals("13800138000", SearchText.phone(p), p);
    }
    assertEquals("01062531234", SearchText.phone("(010) 6253-1234"));
    assertEquals("01062531234", SearchText.phone("+86 10 6253 1234"), "trunk 0 restored");
    assertEquals("075528780808", SearchText.phone("+86 755 2878 0808"));
    assertEquals("075528780808", SearchText.phone("+86 (0)755 2878 0808"));
    assertEquals("14155550100", SearchText.phone("+1 (415) 555-0100"));
    assertEquals("01062531234800", SearchText.phone("010-62531234 转 800"));
    assertEquals("", SearchText.phone(null));
    assertEquals("", SearchText.phone("n/a"));
  }
}
