package dev.headlesscrm.admin.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ServiceAccountRepository implements PanacheRepositoryBase<ServiceAccount, UUID> {

  public Optional<ServiceAccount> findByClientId(String clientId) {
    return find("clientId", clientId).firstResultOptional();
  }
}
