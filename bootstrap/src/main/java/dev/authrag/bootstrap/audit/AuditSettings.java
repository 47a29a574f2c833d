package dev.authrag.bootstrap.audit;

import io.micronaut.context.annotation.ConfigurationProperties;

/** The raw audit settings from application.yml; {@link AuditFactory} parses them and names the variable of a bad one. */
@ConfigurationProperties("authrag.audit")
public record AuditSettings(String retention) {
}
