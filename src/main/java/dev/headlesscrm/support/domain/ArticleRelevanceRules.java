package dev.headlesscrm.support.domain;

import dev.headlesscrm.platform.search.SearchText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * How relevant a published knowledge article is to a service request, and why.
 *
 * <ul>
 *   <li>Same product as the request's goods or defect: {@value #PRODUCT} points.
 *   <li>Same service category: {@value #CATEGORY} points.
 *   <li>Text: up to {@value #TEXT} points, the share of the request's terms (subject and
 *       description: every pair of adjacent Chinese characters, as the search tokens index them,
 *       and every Latin word of three or more letters) that the article's search text holds.
 *   <li>An article about another product than the request's keeps half its points.
 * </ul>
 *
 * The score is between 0 and 1, rounded to three decimals; articles with no reason score 0.
 */
public final class ArticleRelevanceRules {
  private ArticleRelevanceRules() {}

  static final double PRODUCT = 0.4;
  static final double CATEGORY = 0.2;
  static final double TEXT = 0.4;

  /** Most terms taken from a request; a long description adds little beyond these. */
  static final int MAX_TERMS = 64;

  /** What the request offers to compare with. */
  public record Request(UUID productId, String category, String text) {}

  /** What an article offers (its search text as stored: normalised). */
  public record Article(UUID productId, String category, String searchText) {}

  /** One reason of a score and the points it gave (negative for another product's article). */
  public record Reason(String code, double points, List<String> matchedTerms) {}

  public record Score(double score, List<Reason> reasons) {}

  /**
   * The request's terms: the Chinese bigrams and the Latin words (three letters or more) of its
   * normalised text, each once, at most {@value #MAX_TERMS}.
   */
  public static List<String> terms(String text) {
    String n = SearchText.normalize(text);
    Set<String> out = new LinkedHashSet<>();
    StringBuilder word = new StringBuilder();
    int prevCjk = -1;
    for (int i = 0; i < n.length() && out.size() < MAX_TERMS; ) {
      int cp = n.codePointAt(i);
      i += Character.charCount(cp);
      if (isCjk(cp)) {
        flushWord(word, out);
        if (prevCjk >= 0) {
          out.add(new StringBuilder().appendCodePoint(prevCjk).appendCodePoint(cp).toString());
        }
        prevCjk = cp;
      } else {
        prevCjk = -1;
        if (Character.isLetterOrDigit(cp)) {
          word.appendCodePoint(cp);
        } else {
          flushWord(word, out);
        }
      }
    }
    flushWord(word, out);
    return out.stream().limit(MAX_TERMS).toList();
  }

  /** The Chinese bigrams among the terms (what the search tokens index holds). */
  public static List<String> bigrams(List<String> terms) {
    return terms.stream()
        .filter(t -> t.codePoints().allMatch(ArticleRelevanceRules::isCjk))
        .toList();
  }

  /** The Latin words among the terms. */
  public static List<String> words(List<String> terms) {
    return terms.stream()
        .filter(t -> !t.codePoints().allMatch(ArticleRelevanceRules::isCjk))
        .toList();
  }

  public static Score score(Request request, List<String> terms, Article article) {
    List<Reason> reasons = new ArrayList<>();
    double score = 0;
    if (request.productId() != null && request.productId().equals(article.productId())) {
      score += PRODUCT;
      reasons.add(new Reason("SAME_PRODUCT", PRODUCT, List.of()));
    }
    if (request.category() != null && request.category().equals(article.category())) {
      score += CATEGORY;
      reasons.add(new Reason("SAME_CATEGORY", CATEGORY, List.of()));
    }
    if (!terms.isEmpty()) {
      String text = article.searchText() == null ? "" : article.searchText();
      List<String> matched = terms.stream().filter(text::contains).toList();
      if (!matched.isEmpty()) {
        double points = round(TEXT * matched.size() / terms.size());
        score += points;
        reasons.add(new Reason("TEXT", points, matched));
      }
    }
    if (request.productId() != null
        && article.productId() != null
        && !Objects.equals(request.productId(), article.productId())
        && score > 0) {
      double lost = round(score / 2);
      score -= lost;
      reasons.add(new Reason("OTHER_PRODUCT", -lost, List.of()));
    }
    return new Score(round(score), List.copyOf(reasons));
  }

  private static void flushWord(StringBuilder word, Set<String> out) {
    if (word.codePointCount(0, word.length()) >= 3) {
      out.add(word.toString());
    }
    word.setLength(0);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  static boolean isCjk(int cp) {
    if (cp < 0x1100) {
      return false;
    }
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN
        || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA
        || s == Character.UnicodeScript.HANGUL;
  }
}
