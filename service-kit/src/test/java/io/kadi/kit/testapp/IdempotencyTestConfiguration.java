package io.kadi.kit.testapp;

import io.kadi.kit.idempotency.IdempotencyFilter;
import io.kadi.kit.idempotency.IdempotencyKeyJanitor;
import io.kadi.kit.idempotency.IdempotencyKeyStore;
import io.kadi.kit.idempotency.IdempotencyProperties;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Idempotency keys as a service gets them, until the kit's web auto-configuration registers them: the filter after
 * the request id, for requests and their async dispatches. The caller is named by a test header, standing in for the
 * API client that authentication will name.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencyProperties.class)
class IdempotencyTestConfiguration {

  /** Names the caller of a request; without it, a request has no caller and its Idempotency-Key is not used. */
  static final String CALLER_HEADER = "X-Test-Caller";

  @Bean
  IdempotencyKeyStore idempotencyKeyStore(JdbcOperations jdbc, TransactionTemplate transactions,
      IdempotencyProperties properties) {
    return new IdempotencyKeyStore(jdbc, transactions, properties);
  }

  @Bean
  IdempotencyKeyJanitor idempotencyKeyJanitor(JdbcOperations jdbc, IdempotencyProperties properties) {
    return new IdempotencyKeyJanitor(jdbc, properties);
  }

  @Bean
  FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyKeyStore keys, IdempotencyProperties properties) {
    FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
        new IdempotencyFilter(keys, request -> request.getHeader(CALLER_HEADER), properties));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
    return registration;
  }
}
