package io.kadi.kit.security;

import io.kadi.kit.KadiAutoConfiguration;
import io.kadi.kit.context.RecordMetadata;
import io.kadi.kit.idempotency.IdempotencyFilter;
import io.kadi.kit.idempotency.IdempotencyKeyJanitor;
import io.kadi.kit.idempotency.IdempotencyKeyStore;
import io.kadi.kit.idempotency.IdempotencyProperties;
import io.kadi.kit.outbox.Outbox;
import io.kadi.kit.ratelimit.RateLimitJanitor;
import io.kadi.kit.ratelimit.RateLimitProperties;
import io.kadi.kit.ratelimit.RateLimiter;
import jakarta.servlet.DispatcherType;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcOperations;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every Kadi REST API's protection, in request order: the access log around everything, then authentication
 * (signature, key, timestamp, allowlist, nonce), then idempotency keys, then, per handler, the scope it needs and the
 * client's rate limit.
 */
@AutoConfiguration(after = KadiAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({ApiSecurityProperties.class, RateLimitProperties.class, IdempotencyProperties.class})
public class ApiSecurityAutoConfiguration {

  /** Right after the request id (the highest precedence), so that every refusal below is logged with its id. */
  static final int ACCESS_LOG_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
  static final int AUTHENTICATION_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;
  static final int IDEMPOTENCY_ORDER = Ordered.HIGHEST_PRECEDENCE + 30;

  /** Built at startup, so a missing or malformed key stops the service before it takes a request. */
  @Bean
  SecretCipher apiSecretCipher(ApiSecurityProperties properties) {
    return properties.cipher();
  }

  @Bean
  ApiKeys apiKeys(JdbcClient jdbc, SecretCipher cipher, ApiSecurityProperties properties) {
    return new ApiKeys(jdbc, cipher, properties.keyCacheTtl());
  }

  @Bean
  Nonces nonces(JdbcClient jdbc) {
    return new Nonces(jdbc);
  }

  @Bean
  Nonces.Janitor noncesJanitor(JdbcClient jdbc, ApiSecurityProperties properties) {
    return new Nonces.Janitor(jdbc, properties.nonceSweepInterval());
  }

  @Bean
  RouteTemplates routeTemplates(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
    return new RouteTemplates(mappings);
  }

  @Bean
  FilterRegistrationBean<ApiAccessLog> apiAccessLog(Outbox outbox, TransactionTemplate transactions,
      RecordMetadata metadata, RouteTemplates routes, @Value("${spring.application.name:kadi}") String service) {
    FilterRegistrationBean<ApiAccessLog> registration =
        new FilterRegistrationBean<>(new ApiAccessLog(outbox, transactions, metadata, routes, service));
    registration.setOrder(ACCESS_LOG_ORDER);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(ApiKeys keys, Nonces nonces,
      ApiSecurityProperties properties, Clock clock) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(new ApiAuthenticationFilter(
        keys, nonces, new ClientAddress(properties.trustedProxyNetworks()), properties, clock));
    registration.setOrder(AUTHENTICATION_ORDER);
    return registration;
  }

  @Bean
  RateLimiter rateLimiter(DataSource dataSource, RateLimitProperties properties, Clock clock) {
    return new RateLimiter(dataSource, properties, clock);
  }

  @Bean
  RateLimitJanitor rateLimitJanitor(RateLimiter limiter, RateLimitProperties properties) {
    return new RateLimitJanitor(limiter, properties);
  }

  @Bean
  StepUps stepUps(JdbcClient jdbc, SecretCipher cipher, RateLimiter limiter, ApiSecurityProperties properties, Clock clock) {
    return new StepUps(jdbc, cipher, limiter, properties.stepUpWindow(), clock);
  }

  @Bean
  WebMvcConfigurer scopeChecks(RateLimiter limiter, StepUps stepUps) {
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ScopeInterceptor(limiter, stepUps));
      }
    };
  }

  @Bean
  IdempotencyKeyStore idempotencyKeyStore(JdbcOperations jdbc, TransactionTemplate transactions,
      IdempotencyProperties properties) {
    return new IdempotencyKeyStore(jdbc, transactions, properties);
  }

  @Bean
  IdempotencyKeyJanitor idempotencyKeyJanitor(JdbcOperations jdbc, IdempotencyProperties properties) {
    return new IdempotencyKeyJanitor(jdbc, properties);
  }

  /** After authentication, which names the caller (keys are per client), for requests and their async dispatches. */
  @Bean
  FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyKeyStore keys) {
    FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(new IdempotencyFilter(keys,
        request -> ApiCaller.of(request).map(caller -> caller.clientId().toString()).orElse(null)));
    registration.setOrder(IDEMPOTENCY_ORDER);
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
    return registration;
  }
}
