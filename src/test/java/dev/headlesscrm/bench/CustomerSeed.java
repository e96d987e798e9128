package dev.headlesscrm.bench;

import dev.headlesscrm.platform.search.Mnemonic;
import dev.headlesscrm.platform.search.SearchText;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Realistic customers for the benchmark, deterministic (row {@code i} is the same on every run):
 * Chinese company names from vocabularies (city or region, a 字号 of one or two words, an industry
 * word, a legal suffix: 上海华信科技有限公司), their 助记码, phones with the city's area code, emails,
 * dictionary codes, credit limits, created_at spread over the year before {@code end}, owners
 * alternating between the local seed's rep.zhang (华东销售部) and rep.chen (华北销售部), and the search
 * columns computed exactly as {@code CustomerService.apply} computes them.
 *
 * <p>Rows become lines of {@code COPY customers (...) FROM STDIN} (text format) for the fast path,
 * or bodies of {@code POST /api/v1/customers/batch} for the API path.
 */
final class CustomerSeed {

  static final String OWNER_EAST = "0193a000-0000-7000-8000-0000000000e3";
  static final String DEPARTMENT_EAST = "0193a000-0000-7000-8000-0000000000d2";
  static final String OWNER_NORTH = "0193a000-0000-7000-8000-0000000000e4";
  static final String DEPARTMENT_NORTH = "0193a000-0000-7000-8000-0000000000d3";

  /** The columns COPY fills; the rest take their defaults (tags, custom fields, currency...). */
  static final String COPY_SQL =
      "COPY customers (id, number, mnemonic, name, office_address, main_phone, postal_code, email,"
          + " city, industry, level, type, status, source, credit_rating, credit_limit, currency,"
          + " tax_id, registered_at, lifecycle_stage, owner_id, owner_department_id, search_text,"
          + " search_tokens, version, created_at, created_by, updated_at, updated_by)"
          + " FROM STDIN (FORMAT text)";

  /** A city: its name, telephone area code and the first three digits of its postal codes. */
  record City(String name, String areaCode, String postalPrefix) {}

  static final List<City> CITIES =
      List.of(
          new City("北京", "010", "100"),
          new City("上海", "021", "200"),
          new City("广州", "020", "510"),
          new City("深圳", "0755", "518"),
          new City("杭州", "0571", "310"),
          new City("成都", "028", "610"),
          new City("南京", "025", "210"),
          new City("武汉", "027", "430"),
          new City("苏州", "0512", "215"),
          new City("重庆", "023", "400"),
          new City("西安", "029", "710"),
          new City("天津", "022", "300"));

  private static final Map<String, City> CITY_BY_NAME =
      CITIES.stream().collect(Collectors.toMap(City::name, c -> c));

  /** Regions used as name prefixes (华东某某有限公司), with the cities such a company sits in. */
  static final Map<String, List<String>> REGIONS =
      Map.of(
          "华东", List.of("上海", "杭州", "南京", "苏州"),
          "华南", List.of("广州", "深圳"),
          "华北", List.of("北京", "天津"),
          "华中", List.of("武汉"),
          "西南", List.of("成都", "重庆"),
          "西北", List.of("西安"));

  /** Name prefixes: every city and region. */
  static final List<String> PREFIXES =
      List.of(
          "北京", "上海", "广州", "深圳", "杭州", "成都", "南京", "武汉", "苏州", "重庆", "西安", "天津", "华东", "华南", "华北",
          "华中", "西南", "西北");

  /** 字号: 200 two-character words of the kind Chinese companies are named with. */
  static final List<String> CORES =
      List.copyOf(
          new LinkedHashSet<>(
              List.of(
                  ("华信 恒达 鑫源 宏图 瑞丰 博远 天成 金桥 永泰 新锐 海纳 联创 汇通 盛世 嘉禾 同创 中瑞 正泰 德润 安泰"
                          + " 佳美 东方 南方 北辰 西部 长城 长江 黄河 泰山 昆仑 星辰 银河 光明 阳光 春晖 秋实 冬青 夏阳 晨曦 朝阳"
                          + " 腾飞 飞跃 卓越 优创 智达 慧通 明德 厚德 信诚 诚信 立信 守信 和信 和泰 和丰 和美 和润 润泽 泽润 润丰"
                          + " 丰华 华丰 华泰 华瑞 华美 华创 华腾 华盛 华宇 华源 宇通 宇航 航天 天宇 天际 天翼 天润 天合 天利 天恒"
                          + " 恒信 恒丰 恒瑞 恒源 恒泰 恒通 恒昌 昌盛 昌隆 隆达 达丰 达美 达成 成达 成功 功成 远大 远航 远景 景泰"
                          + " 泰和 泰富 富达 富源 富强 强盛 盛达 盛和 盛源 源通 通达 通宇 通海 海润 海天 海川 川海 山河 青山 绿源"
                          + " 绿洲 蓝天 蓝海 碧海 金鼎 金盛 金泰 金源 金达 金辉 辉煌 辉达 银川 银座 铭扬 扬帆 帆顺 顺达 顺成 顺和"
                          + " 万通 万象 万隆 万家 千禾 百川 百合 亿达 亿佳 兆丰 兆业 鼎盛 鼎立 立达 宏达 宏远 宏泰 宏业 伟业 创业"
                          + " 创新 新华 新源 新星 新世 世纪 纪元 元亨 亨通 利达 利源 利华 嘉华 嘉信 嘉瑞 瑞华 瑞祥 祥和 吉祥 如意"
                          + " 康泰 康达 健康 福瑞 福泰 福华 福源 满堂 乐安 安达 安信 安华 广源 广达 广信 大成 大华 大通 力拓 拓展")
                      .split(" "))));

  /** Industry words of names and the dictionary code ('industry') each implies. */
  record IndustryWord(String word, String code) {}

  static final List<IndustryWord> INDUSTRY_WORDS =
      List.of(
          new IndustryWord("科技", "IT"),
          new IndustryWord("信息", "IT"),
          new IndustryWord("网络", "IT"),
          new IndustryWord("软件", "IT"),
          new IndustryWord("电子", "MANUFACTURING"),
          new IndustryWord("制造", "MANUFACTURING"),
          new IndustryWord("机械", "MANUFACTURING"),
          new IndustryWord("化工", "MANUFACTURING"),
          new IndustryWord("能源", "MANUFACTURING"),
          new IndustryWord("贸易", "RETAIL"),
          new IndustryWord("商贸", "RETAIL"),
          new IndustryWord("食品", "RETAIL"),
          new IndustryWord("医药", "HEALTHCARE"),
          new IndustryWord("医疗", "HEALTHCARE"),
          new IndustryWord("教育", "EDUCATION"),
          new IndustryWord("文化", "EDUCATION"),
          new IndustryWord("投资", "FINANCE"),
          new IndustryWord("物流", "OTHER"),
          new IndustryWord("咨询", "OTHER"),
          new IndustryWord("环保", "OTHER"));

  private static final String[] DISTRICTS = {"高新区", "经济开发区", "中心区", "新区", "滨江区", "工业园区"};
  private static final String[] ROADS = {"人民路", "解放路", "中山路", "建设路", "长江路", "科技路", "创业大道"};
  private static final String[] MAILBOXES = {"info", "sales", "contact", "service", "office"};
  private static final String[] DOMAINS = {".com", ".com.cn", ".cn", ".net"};
  private static final String[] MOBILE_PREFIXES = {"138", "139", "135", "136", "186", "159", "177"};
  private static final String[] SOURCES = {
    "WEB", "REFERRAL", "CAMPAIGN", "EXHIBITION", "COLD_CALL", "PARTNER"
  };
  private static final String[] RATINGS = {"AAA", "AA", "A", "B", "C"};

  /** The 4-character query of the benchmark: a city and a 字号, as users type a name's start. */
  static final String FOUR_CHARACTER_QUERY = "上海" + CORES.get(0);

  private final long seed;
  private final Instant end;
  private final int rows;
  private final long stepMillis;

  /**
   * @param seed makes the data set; the same seed gives the same rows
   * @param end created_at values lie in the year before it
   * @param rows how many rows the year is spread over
   */
  CustomerSeed(long seed, Instant end, int rows) {
    this.seed = seed;
    this.end = end;
    this.rows = rows;
    this.stepMillis = Math.max(1, Duration.ofDays(365).toMillis() / Math.max(1, rows));
  }

  /** One customer, as stored. */
  record Row(
      UUID id,
      String number,
      String mnemonic,
      String name,
      String officeAddress,
      String mainPhone,
      String postalCode,
      String email,
      String city,
      String industry,
      String level,
      String type,
      String status,
      String source,
      String creditRating,
      BigDecimal creditLimit,
      String taxId,
      LocalDate registeredAt,
      String lifecycleStage,
      String ownerId,
      String ownerDepartmentId,
      SearchText.Columns search,
      Instant createdAt,
      Instant updatedAt) {

    /** This row with another id and number (and the search columns that hold the number). */
    Row renumbered(UUID newId, String newNumber) {
      SearchText.Columns newSearch =
          SearchText.builder()
              .add(name)
              .mnemonic(mnemonic)
              .code(newNumber)
              .code(null)
              .phone(mainPhone)
              .email(email)
              .build();
      return new Row(
          newId,
          newNumber,
          mnemonic,
          name,
          officeAddress,
          mainPhone,
          postalCode,
          email,
          city,
          industry,
          level,
          type,
          status,
          source,
          creditRating,
          creditLimit,
          taxId,
          registeredAt,
          lifecycleStage,
          ownerId,
          ownerDepartmentId,
          newSearch,
          createdAt,
          updatedAt);
    }
  }

  Row row(int i) {
    SplittableRandom r = new SplittableRandom(seed ^ (i * 0x9E3779B97F4A7C15L));
    String prefix = PREFIXES.get(r.nextInt(PREFIXES.size()));
    List<String> regionCities = REGIONS.get(prefix);
    String cityName =
        regionCities == null ? prefix : regionCities.get(r.nextInt(regionCities.size()));
    City city = CITY_BY_NAME.get(cityName);
    String core = CORES.get(r.nextInt(CORES.size()));
    if (r.nextInt(100) < 30) {
      core += CORES.get(r.nextInt(CORES.size()));
    }
    IndustryWord industry = INDUSTRY_WORDS.get(r.nextInt(INDUSTRY_WORDS.size()));
    int s = r.nextInt(100);
    String suffix = s < 55 ? "有限公司" : s < 80 ? "股份有限公司" : s < 90 ? "集团有限公司" : "集团";
    String name = prefix + core + industry.word() + suffix;
    String mnemonic = Mnemonic.of(name);
    String number = String.format("BK%08d", i);
    String phone =
        r.nextInt(100) < 60
            ? city.areaCode() + "-" + (2 + r.nextInt(8)) + digits(r, 7)
            : MOBILE_PREFIXES[r.nextInt(MOBILE_PREFIXES.length)] + digits(r, 8);
    String email =
        MAILBOXES[r.nextInt(MAILBOXES.length)]
            + "@"
            + mnemonic.toLowerCase(Locale.ROOT)
            + (i % 9973)
            + DOMAINS[r.nextInt(DOMAINS.length)];
    String address =
        city.name()
            + "市"
            + DISTRICTS[r.nextInt(DISTRICTS.length)]
            + ROADS[r.nextInt(ROADS.length)]
            + (1 + r.nextInt(999))
            + "号";
    String postal = city.postalPrefix() + digits(r, 3);
    int l = r.nextInt(100);
    String level = l < 20 ? "A" : l < 45 ? "B" : l < 75 ? "C" : "D";
    int t = r.nextInt(100);
    String type =
        t < 40
            ? "ENTERPRISE"
            : t < 80 ? "SMB" : t < 85 ? "GOVERNMENT" : t < 95 ? "PARTNER" : "INDIVIDUAL";
    String industryCode = type.equals("GOVERNMENT") ? "GOVERNMENT" : industry.code();
    int st = r.nextInt(100);
    // Only the active codes: DORMANT and LOST left the dictionary for the lifecycle stage (V29).
    String status = st < 30 ? "POTENTIAL" : st < 70 ? "ACTIVE" : "WON";
    String source = SOURCES[r.nextInt(SOURCES.length)];
    String rating = r.nextInt(10) == 0 ? null : RATINGS[r.nextInt(RATINGS.length)];
    BigDecimal creditLimit =
        r.nextInt(20) == 0 ? null : BigDecimal.valueOf(r.nextInt(1, 501) * 10_000L, 0).setScale(2);
    String taxId = "91" + city.postalPrefix() + digits(r, 3) + upperAlnum(r, 10);
    LocalDate registered = LocalDate.of(2000, 1, 1).plusDays(r.nextInt(9131));
    int ls = r.nextInt(100);
    String stage =
        ls < 30
            ? "PROSPECT"
            : ls < 45
                ? "NEW"
                : ls < 75 ? "ACTIVE" : ls < 85 ? "LOYAL" : ls < 95 ? "AT_RISK" : "LOST";
    boolean east = i % 2 == 0;
    long createdMillis =
        end.toEpochMilli()
            - Duration.ofDays(365).toMillis()
            + (long) (i % Math.max(1, rows)) * stepMillis
            + r.nextLong(Math.max(1, stepMillis / 2));
    Instant created = Instant.ofEpochMilli(createdMillis);
    Instant updated =
        Instant.ofEpochMilli(
            Math.min(
                end.toEpochMilli(), createdMillis + r.nextLong(Duration.ofDays(30).toMillis())));
    // Exactly as CustomerService.apply does it (no external id on these rows).
    SearchText.Columns search =
        SearchText.builder()
            .add(name)
            .mnemonic(mnemonic)
            .code(number)
            .code(null)
            .phone(phone)
            .email(email)
            .build();
    return new Row(
        uuidV7(createdMillis, r),
        number,
        mnemonic,
        name,
        address,
        phone,
        postal,
        email,
        city.name(),
        industryCode,
        level,
        type,
        status,
        source,
        rating,
        creditLimit,
        taxId,
        registered,
        stage,
        east ? OWNER_EAST : OWNER_NORTH,
        east ? DEPARTMENT_EAST : DEPARTMENT_NORTH,
        search,
        created,
        updated);
  }

  /** Appends row {@code r} as one line of COPY text format, newline included. */
  /**
   * Loads rows 0 to {@code rows} with COPY, {@code chunk} rows per COPY (each commits its own),
   * printing the rate of each chunk; answers the nanoseconds spent building rows in Java.
   */
  static long copy(javax.sql.DataSource dataSource, CustomerSeed seed, int rows, int chunk)
      throws java.sql.SQLException, java.io.IOException {
    long buildNanos = 0;
    try (java.sql.Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      org.postgresql.PGConnection pg = connection.unwrap(org.postgresql.PGConnection.class);
      StringBuilder line = new StringBuilder(1024);
      for (int from = 0; from < rows; from += chunk) {
        int to = Math.min(rows, from + chunk);
        long chunkStarted = System.nanoTime();
        try (java.io.Writer out =
            new java.io.BufferedWriter(
                new java.io.OutputStreamWriter(
                    new org.postgresql.copy.PGCopyOutputStream(pg, COPY_SQL, 1 << 16),
                    java.nio.charset.StandardCharsets.UTF_8),
                1 << 16)) {
          for (int i = from; i < to; i++) {
            long built = System.nanoTime();
            line.setLength(0);
            appendCopyLine(seed.row(i), line);
            buildNanos += System.nanoTime() - built;
            out.append(line);
          }
        }
        double chunkSeconds = (System.nanoTime() - chunkStarted) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "bench: copied %,d/%,d rows (this chunk %.0f rows/s)%n",
            to,
            rows,
            (to - from) / chunkSeconds);
      }
    }
    return buildNanos;
  }

  static void appendCopyLine(Row row, StringBuilder out) {
    field(out, row.id().toString());
    field(out, row.number());
    field(out, row.mnemonic());
    field(out, row.name());
    field(out, row.officeAddress());
    field(out, row.mainPhone());
    field(out, row.postalCode());
    field(out, row.email());
    field(out, row.city());
    field(out, row.industry());
    field(out, row.level());
    field(out, row.type());
    field(out, row.status());
    field(out, row.source());
    field(out, row.creditRating());
    field(out, row.creditLimit() == null ? null : row.creditLimit().toPlainString());
    field(out, "CNY");
    field(out, row.taxId());
    field(out, row.registeredAt().toString());
    field(out, row.lifecycleStage());
    field(out, row.ownerId());
    field(out, row.ownerDepartmentId());
    field(out, row.search().searchText());
    field(out, arrayLiteral(row.search().searchTokens()));
    field(out, "0");
    field(out, row.createdAt().toString());
    field(out, row.ownerId());
    field(out, row.updatedAt().toString());
    field(out, row.ownerId());
    out.setCharAt(out.length() - 1, '\n');
  }

  /**
   * The same customer as the data of a batch upsert, as an ERP would send it: no number (the
   * numbering rule assigns one) and no 助记码 (derived from the name).
   */
  static Map<String, Object> apiBody(Row row) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("name", row.name());
    data.put("officeAddress", row.officeAddress());
    data.put("mainPhone", row.mainPhone());
    data.put("postalCode", row.postalCode());
    data.put("email", row.email());
    data.put("city", row.city());
    data.put("industry", row.industry());
    data.put("level", row.level());
    data.put("type", row.type());
    data.put("status", row.status());
    data.put("source", row.source());
    if (row.creditRating() != null) {
      data.put("creditRating", row.creditRating());
    }
    if (row.creditLimit() != null) {
      data.put("creditLimit", row.creditLimit());
    }
    data.put("finance", Map.of("taxId", row.taxId()));
    data.put("registeredAt", row.registeredAt().toString());
    // lifecycleStage is derived by the service (V29) and refused on writes: COPY only.
    data.put("ownerId", row.ownerId());
    return data;
  }

  /** A UUID v7 (RFC 9562) with this millisecond, laid out as platform/events/EventIds does. */
  static UUID uuidV7(long millis, SplittableRandom r) {
    long msb = (millis << 16) | 0x7000L | r.nextInt(0x1000);
    long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  /** One COPY text field and its tab; {@code null} is {@code \N}. */
  private static void field(StringBuilder out, String value) {
    if (value == null) {
      out.append("\\N");
    } else {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        switch (c) {
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          default -> out.append(c);
        }
      }
    }
    out.append('\t');
  }

  /** A PostgreSQL array literal of text elements, each quoted. */
  static String arrayLiteral(List<String> values) {
    StringBuilder out = new StringBuilder(values.size() * 6 + 2).append('{');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append('"');
      String v = values.get(i);
      for (int j = 0; j < v.length(); j++) {
        char c = v.charAt(j);
        if (c == '"' || c == '\\') {
          out.append('\\');
        }
        out.append(c);
      }
      out.append('"');
    }
    return out.append('}').toString();
  }

  private static String digits(SplittableRandom r, int n) {
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      out.append((char) ('0' + r.nextInt(10)));
    }
    return out.toString();
  }

  private static String upperAlnum(SplittableRandom r, int n) {
    String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    StringBuilder out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      out.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}
