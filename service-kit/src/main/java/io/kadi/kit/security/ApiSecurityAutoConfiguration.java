package io.kadi.kit.security;

import io.kadi.kit.KadiAutoConfiguration;
import io.kadi.kit.context.RecordMetadata;
import io.kadi.kit.outbox.Outbox;
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
 * (signature, key, timestamp, allowlist, nonce), then, per handler, the scope it needs.
 */
@AutoConfiguration(after = KadiAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ApiSecurityProperties.class)
public class ApiSecurityAutoConfiguration {

  /** Right after the request id (the highest precedence), so that every refusal below is logged with its id. */
  static final int ACCESS_LOG_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;
  static final int AUTHENTICATION_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

  /** Built at startup, so a missing or malformed key stops the service before it takes a request. */
  @Bean
  ApiKeys apiKeys(JdbcClient jdbc, ApiSecurityProperties properties) {
    return new ApiKeys(jdbc, properties.cipher(), properties.keyCacheTtl());
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
  WebMvcConfigurer scopeChecks() {
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ScopeInterceptor());
      }
    };
  }
}
