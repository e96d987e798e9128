package dev.headlesscrm.platform.api;

/** A human-readable sentence in both languages the API speaks. */
public record Text(String en, String zh) {

  public static Text of(String en, String zh) {
    return new Text(en, zh);
  }

  /** A text that is already in the caller's language (e.g. a Bean Validation message). */
  public static Text same(String text) {
    return new Text(text, text);
  }

  public String in(Lang lang) {
    return lang == Lang.ZH ? zh : en;
  }
}
