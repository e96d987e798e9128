package dev.headlesscrm.platform.api;

import java.util.Locale;

/** The two languages problem titles and messages are written in. */
public enum Lang {
  EN,
  ZH;

  /**
   * Picks the language from an {@code Accept-Language} header: Chinese when the first supported
   * range the client lists is Chinese, English otherwise (and when the header is absent or bad).
   */
  public static Lang fromAcceptLanguage(String header) {
    if (header == null || header.isBlank()) {
      return EN;
    }
    try {
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
        String tag = range.getRange().toLowerCase(Locale.ROOT);
        if (tag.startsWith("zh")) {
          return ZH;
        }
        if (tag.startsWith("en") || tag.equals("*")) {
          return EN;
        }
      }
    } catch (IllegalArgumentException malformed) {
      return EN;
    }
    return EN;
  }
}
