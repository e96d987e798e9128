package dev.headlesscrm.admin.domain;

import dev.headlesscrm.platform.persistence.SoftDeletableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;

/** A person who uses the CRM, linked to the Keycloak user they sign in as. */
@Entity
@Table(name = "employees")
public class Employee extends SoftDeletableEntity {

  @Column(name = "employee_number", nullable = false, length = 32)
  public String employeeNumber;

  @Column(nullable = false, length = 100)
  public String name;

  @Column(length = 254)
  public String email;

  @Column(length = 32)
  public String mobile;

  @Column(name = "department_id")
  public UUID departmentId;

  @Column(name = "supervisor_id")
  public UUID supervisorId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public EmployeeStatus status;

  /** The Keycloak subject ({@code sub}) of the user; null until the person first signs in. */
  @Column(length = 64)
  public String subject;

  @Column(length = 100)
  public String username;
}
