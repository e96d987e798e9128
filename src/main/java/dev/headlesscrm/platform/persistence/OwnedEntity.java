package dev.headlesscrm.platform.persistence;

import dev.headlesscrm.platform.security.Owned;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;

/** A record with an owner employee and department: data scope decides who sees it. */
@MappedSuperclass
public abstract class OwnedEntity extends SoftDeletableEntity implements Owned {

  @Column(name = "owner_id")
  public UUID ownerId;

  @Column(name = "owner_department_id")
  public UUID ownerDepartmentId;

  @Override
  public UUID recordId() {
    return id;
  }

  @Override
  public UUID ownerId() {
    return ownerId;
  }

  @Override
  public UUID ownerDepartmentId() {
    return ownerDepartmentId;
  }
}
