package dev.headlesscrm.support.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UuidGenerator;
import org.hibernate.type.SqlTypes;

/** A line of a packing list: a product, how many, and the serial numbers of the units packed. */
@Entity
@Table(name = "packing_list_lines")
public class PackingListLine {

  @Id
  @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
  public UUID id;

  @Column(nullable = false)
  public int position;

  @Column(name = "product_id", nullable = false)
  public UUID productId;

  @Column(nullable = false, length = 200)
  public String description;

  @Column(nullable = false, precision = 18, scale = 6)
  public BigDecimal quantity;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "serial_numbers", nullable = false)
  public List<String> serialNumbers = new ArrayList<>();

  /**
   * Whether {@code serials} serial numbers fit {@code quantity} units: one serial number per unit
   * at most (fewer is fine: not every part is serialised).
   */
  public static boolean serialsFit(int serials, BigDecimal quantity) {
    return quantity != null && BigDecimal.valueOf(serials).compareTo(quantity) <= 0;
  }
}
