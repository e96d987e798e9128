package dev.headlesscrm.platform.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import net.sourceforge.pinyin4j.PinyinHelper;
import org.junit.jupiter.api.Test;

class MnemonicTest {

  @Test
  void takesThePinyinInitialOfEachChineseCharacter() {
    assertEquals("BJHWKJ", Mnemonic.of("北京华为科技"));
    assertEquals("HWJSYXGS", Mnemonic.of("华为技术有限公司"));
    assertEquals("ZGPABXYXGS", Mnemonic.of("中国平安保险有限公司"));
    assertEquals("LDJT", Mnemonic.of("绿地集团"), "ü readings start with their consonant");
  }

  @Test
  void keepsAsciiLettersAndDigitsUpperCased() {
    assertEquals("ABCKJ", Mnemonic.of("ABC科技"));
    assertEquals("ABCKJ", Mnemonic.of("abc科技"));
    assertEquals("3MZG", Mnemonic.of("3M中国"));
    assertEquals("IBM", Mnemonic.of("IBM"));
    assertEquals("58TC", Mnemonic.of("58同城"));
  }

  @Test
  void dropsPunctuationAndSpacesAndFoldsFullWidthAndAccents() {
    assertEquals("BJHWKJYXGS", Mnemonic.of("（北京）华为·科技 有限公司！"));
    assertEquals("ABC123KJ", Mnemonic.of("ＡＢＣ１２３科技"));
    assertEquals("CAFEBJ", Mnemonic.of("Café 北京"));
    assertEquals("HW", Mnemonic.of("華為"), "traditional characters have readings too");
    assertEquals("", Mnemonic.of("😀 — ！"));
    assertEquals("", Mnemonic.of("Ωμέγα"), "other scripts have no initial here");
    assertEquals("", Mnemonic.of(null));
    assertEquals("", Mnemonic.of("   "));
  }

  @Test
  void correctsPolyphonicCharactersInCompanyAndPlaceNames() {
    assertEquals("CQYH", Mnemonic.of("重庆银行"));
    assertEquals("ZGYH", Mnemonic.of("中国银行"));
    assertEquals("ZGYHCQFH", Mnemonic.of("中国银行重庆分行"));
    assertEquals("CS", Mnemonic.of("长沙"));
    assertEquals("CC", Mnemonic.of("长春"));
    assertEquals("CCQC", Mnemonic.of("长城汽车"));
    assertEquals("CAQC", Mnemonic.of("长安汽车"));
    assertEquals("XMDS", Mnemonic.of("厦门大厦"));
    assertEquals("KJSSWS", Mnemonic.of("会计师事务所"));
    assertEquals("GPSGC", Mnemonic.of("给排水工程"));
    assertEquals("WLQC", Mnemonic.of("蔚来汽车"));
    assertEquals("BK", Mnemonic.of("贝壳"));
    assertEquals("ZGF", Mnemonic.of("曾国藩"));
    assertEquals("YQDQ", Mnemonic.of("乐清电器"));
    assertEquals("GZSPYQ", Mnemonic.of("广州市番禺区"));
    assertEquals("GLKT", Mnemonic.of("格力空调"));
    assertEquals("LCWL", Mnemonic.of("冷藏物流"));
  }

  @Test
  void keepsTheFirstReadingWhereItIsRight() {
    assertEquals("ZG", Mnemonic.of("重工"), "重 zhong outside 重庆");
    assertEquals("LXS", Mnemonic.of("旅行社"), "行 xing outside the bank words");
    assertEquals("DSZ", Mnemonic.of("董事长"), "长 zhang in titles");
    assertEquals("JYCZ", Mnemonic.of("教育成长"));
    assertEquals("XZ", Mnemonic.of("西藏"));
    assertEquals("DCYJ", Mnemonic.of("调查研究"));
    assertEquals("LS", Mnemonic.of("乐山"));
    assertEquals("GJ", Mnemonic.of("供给"));
  }

  /** Each override must correct something, or it is dead weight. */
  @Test
  void everyOverrideCorrectsSomething() {
    for (Map.Entry<Character, Character> c : Mnemonic.CHARS.entrySet()) {
      assertNotEquals(firstReadingInitial(c.getKey()), c.getValue(), c.getKey() + " needs none");
    }
    for (Map.Entry<String, String> word : Mnemonic.WORDS.entrySet()) {
      StringBuilder withoutWords = new StringBuilder();
      for (char c : word.getKey().toCharArray()) {
        withoutWords.append(Mnemonic.CHARS.getOrDefault(c, firstReadingInitial(c)));
      }
      assertNotEquals(withoutWords.toString(), word.getValue(), word.getKey() + " needs none");
      assertEquals(word.getKey().length(), word.getValue().length(), word.getKey());
    }
  }

  private static char firstReadingInitial(char c) {
    return Character.toUpperCase(PinyinHelper.toHanyuPinyinStringArray(c)[0].charAt(0));
  }

  @Test
  void isAtMost32Characters() {
    String name = "中华人民共和国北京市海淀区中关村大街一号华为技术有限公司北京研究所第一分部";
    assertEquals(32, Mnemonic.of(name).length());
    assertEquals("ZHRMGHGBJSHDQZGCDJYHHWJSYXGSBJYJ", Mnemonic.of(name));
    assertEquals(32, Mnemonic.of("a".repeat(100)).length());
    assertEquals(32, Mnemonic.of("银行".repeat(20)).length());
  }

  @Test
  void givesTheSameAnswersFromManyThreads() throws Exception {
    List<String> names =
        IntStream.range(0, 2000)
            .mapToObj(i -> List.of("重庆银行", "北京华为科技", "长沙", "3M中国", "厦门大厦").get(i % 5) + i)
            .toList();
    List<String> expected = names.stream().map(Mnemonic::of).toList();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<String>>> results =
          IntStream.range(0, 8)
              .mapToObj(t -> pool.submit(() -> names.stream().map(Mnemonic::of).toList()))
              .toList();
      for (Future<List<String>> result : results) {
        assertEquals(expected, result.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals("CQYH0", expected.get(0));
    assertEquals("BJHWKJ1", expected.get(1));
  }
}
