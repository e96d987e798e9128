package dev.headlesscrm.platform.records;

import dev.headlesscrm.platform.api.Text;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** Nothing is locked until a context declares {@link RecordLocks}. */
@DefaultBean
@ApplicationScoped
public class NoRecordLocks implements RecordLocks {

  @Override
  public Optional<Text> lockedBecause(String resource, UUID recordId) {
    return Optional.empty();
  }
}
