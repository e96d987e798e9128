package dev.headlesscrm.catalogue.domain;

import dev.headlesscrm.platform.persistence.SoftDeletableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

/** 产品类别: a node of the product category tree. */
@Entity
@Table(name = "product_categories")
public class ProductCategory extends SoftDeletableEntity {

  @Column(nullable = false, length = 64)
  public String code;

  @Column(nullable = false, length = 200)
  public String name;

  @Column(name = "parent_id")
  public UUID parentId;

  @Column(name = "sort_order", nullable = false)
  public int sortOrder;

  @Column(columnDefinition = "text")
  public String description;

  @Column(name = "external_id")
  public String externalId;
}
