package io.kadi.kit.web;

import java.util.List;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Request ids, the request context argument, and problem details for every Kadi REST API. */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ProblemDetailsAdvice.class, ProblemErrorController.class})
public class KadiWebAutoConfiguration {

  @Bean
  FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
    FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /**
   * JSON means what it says: an enum is one of its names (never its position: {@code "status": 0} is not
   * {@code verified}), and text is a string without NUL ({@link StrictTextDeserializer}). Text is refused as a
   * number too, so {@code "amount": "100"} fails (kadi-defaults.properties).
   */
  @Bean
  JsonMapperBuilderCustomizer strictJson() {
    return builder -> builder
        .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .withCoercionConfig(LogicalType.Enum, names -> names.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
        .addModule(new SimpleModule("kadi-strict-text").addDeserializer(String.class, new StrictTextDeserializer()));
  }

  @Bean
  WebMvcConfigurer requestContextArgument() {
    return new WebMvcConfigurer() {
      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new RequestContextResolver());
      }
    };
  }
}
