package dev.headlesscrm.platform.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The {@link TargetGuard} as configured ({@code crm.webhooks.allow-private-targets}, {@code
 * crm.webhooks.require-https}). A bean of its own so that record services, which the platform
 * creates before runtime configuration is read, reach the setting only when they check a URL.
 */
@ApplicationScoped
public class WebhookTargets {

  @Inject WebhooksConfig config;

  /** Why the URL may not be called, or empty. */
  public Optional<String> refused(String url) {
    return new TargetGuard(config.allowPrivateTargets(), config.requireHttps()).refused(url);
  }
}
