package dev.headlesscrm.admin.domain;

import dev.headlesscrm.platform.persistence.SoftDeletableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;

/** A unit of the organisation tree. */
@Entity
@Table(name = "departments")
public class Department extends SoftDeletableEntity {

  @Column(nullable = false, length = 64)
  public String code;

  @Column(nullable = false, length = 200)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  public DepartmentKind kind;

  @Column(name = "parent_id")
  public UUID parentId;

  @Column(name = "manager_id")
  public UUID managerId;

  @Column(name = "sort_order", nullable = false)
  public int sortOrder;
}
