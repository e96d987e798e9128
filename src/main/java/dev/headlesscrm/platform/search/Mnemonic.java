package dev.headlesscrm.platform.search;

import java.text.Normalizer;
import java.util.Map;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * 助记码: the pinyin initials of a name, what Chinese users type to find a record quickly ({@code
 * 北京华为科技} → {@code BJHWKJ}). ASCII letters and digits are kept (upper-cased), full-width ones are
 * folded to ASCII first (NFKC), accented Latin letters lose their accent, everything else (spaces,
 * punctuation, characters without a reading) is dropped; at most {@value #MAX_LENGTH} characters.
 *
 * <p>A character with several readings (多音字) takes pinyin4j's first reading, which is wrong for a
 * handful of characters common in company and place names. Two small tables correct them: {@link
 * #WORDS} for words whose reading depends on the neighbour (重庆 CQ, 银行 YH, 厦门 XM, while 重工 and 旅行
 * keep the first reading), matched longest first, and {@link #CHARS} for characters whose first
 * reading is rarely the one in a name (长 C as in 长沙, 长城, 长安; the 长 Z words are in {@link #WORDS}).
 * pinyin4j also ships a phrase dictionary, but its {@code toHanYuPinyinString} glues syllables
 * together inconsistently (长沙 → {@code zhangsha}) and its greedy phrase matching crosses word
 * boundaries in names (大厦门店 → 厦门), so it is not used.
 *
 * <p>Thread-safe: the pinyin4j output format is configured once and never changed, its dictionary
 * is loaded once (holder idiom) and only read.
 */
public final class Mnemonic {

  public static final int MAX_LENGTH = 32;

  private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

  /** Initials of words whose characters pinyin4j's first reading gets wrong. */
  static final Map<String, String> WORDS =
      Map.ofEntries(
          // 重 chong, not zhong (重工, 重型 keep Z)
          Map.entry("重庆", "CQ"),
          Map.entry("重组", "CZ"),
          // 行 hang, not xing (旅行, 出行, 发行, 执行 keep X)
          Map.entry("银行", "YH"),
          Map.entry("商行", "SH"),
          Map.entry("分行", "FH"),
          Map.entry("支行", "ZH"),
          Map.entry("总行", "ZH"),
          Map.entry("行业", "HY"),
          Map.entry("车行", "CH"),
          Map.entry("琴行", "QH"),
          // 长 zhang, where CHARS would say chang
          Map.entry("行长", "HZ"),
          Map.entry("成长", "CZ"),
          Map.entry("增长", "ZZ"),
          Map.entry("生长", "SZ"),
          Map.entry("董事长", "DSZ"),
          Map.entry("校长", "XZ"),
          Map.entry("院长", "YZ"),
          Map.entry("厂长", "CZ"),
          Map.entry("会长", "HZ"),
          Map.entry("家长", "JZ"),
          // 厦 xia, not sha (大厦 keeps S)
          Map.entry("厦门", "XM"),
          // 会 kuai, not hui
          Map.entry("会计", "KJ"),
          // 藏 cang, not zang (西藏 keeps Z)
          Map.entry("冷藏", "LC"),
          Map.entry("收藏", "SC"),
          Map.entry("储藏", "CC"),
          Map.entry("宝藏", "BC"),
          // 乐 yue, not le (乐山 keeps L)
          Map.entry("乐清", "YQ"),
          Map.entry("音乐", "YY"),
          Map.entry("乐器", "YQ"),
          Map.entry("乐团", "YT"),
          // 调 tiao, not diao (调查, 调度 keep D)
          Map.entry("空调", "KT"),
          Map.entry("调味", "TW"),
          Map.entry("调料", "TL"),
          Map.entry("调节", "TJ"),
          Map.entry("调解", "TJ"),
          Map.entry("协调", "XT"),
          // 给 gei, not ji (供给 keeps J)
          Map.entry("给排水", "GPS"),
          Map.entry("给水", "GS"),
          // others
          Map.entry("番禺", "PY"),
          Map.entry("人参", "RS"),
          Map.entry("弹簧", "TH"),
          Map.entry("弹性", "TX"),
          Map.entry("荥阳", "XY"),
          Map.entry("雪茄", "XJ"),
          Map.entry("便宜", "PY"));

  /** Initials of characters whose first pinyin4j reading is rarely the one in a name. */
  static final Map<Character, Character> CHARS =
      Map.of(
          '长', 'C', // zhang first: 长沙, 长春, 长城, 长江, 长安, 长虹
          '蔚', 'W', // yu first: 蔚来, 蔚蓝
          '壳', 'K', // qiao first: 贝壳, 外壳
          '曾', 'Z'); // ceng first: the surname Zeng

  private static final int LONGEST_WORD =
      WORDS.keySet().stream().mapToInt(String::length).max().orElse(0);

  static {
    FORMAT.setCaseType(HanyuPinyinCaseType.UPPERCASE);
    FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
    FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    initial('中'); // load the dictionary now, not on the first request
  }

  private Mnemonic() {}

  /** The 助记码 of {@code name}; empty for {@code null}, blank or unreadable input. */
  public static String of(String name) {
    if (name == null || name.isBlank()) {
      return "";
    }
    String s = Normalizer.normalize(name, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_LENGTH));
    int i = 0;
    while (i < s.length() && out.length() < MAX_LENGTH) {
      String word = word(s, i);
      if (word != null) {
        out.append(WORDS.get(word));
        i += word.length();
        continue;
      }
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      char initial = cp > 0xFFFF ? 0 : initial((char) cp);
      if (initial != 0) {
        out.append(initial);
      }
    }
    return out.length() > MAX_LENGTH ? out.substring(0, MAX_LENGTH) : out.toString();
  }

  private static String word(String s, int from) {
    for (int len = Math.min(LONGEST_WORD, s.length() - from); len >= 2; len--) {
      String candidate = s.substring(from, from + len);
      if (WORDS.containsKey(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** The upper-case initial of one character, or 0 when it has none. */
  static char initial(char c) {
    if (c < 0x80) {
      if (c >= 'a' && c <= 'z') {
        return (char) (c - 'a' + 'A');
      }
      return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : 0;
    }
    Character override = CHARS.get(c);
    if (override != null) {
      return override;
    }
    if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
      try {
        String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
        return readings == null || readings.length == 0 || readings[0].isEmpty()
            ? 0
            : readings[0].charAt(0);
      } catch (BadHanyuPinyinOutputFormatCombination e) {
        throw new IllegalStateException(e); // the fixed format above is a valid combination
      }
    }
    if (Character.isLetter(c)) {
      // é → e, Å → A; other scripts have no initial here
      char base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0);
      return base < 0x80 ? initial(base) : 0;
    }
    return 0;
  }
}
