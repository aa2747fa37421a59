package io.kadi.kit;

import io.kadi.kit.context.RecordMetadata;
import io.kadi.kit.db.KitMigrations;
import io.kadi.kit.inbox.Inbox;
import io.kadi.kit.inbox.InboxJanitor;
import io.kadi.kit.inbox.InboxProperties;
import io.kadi.kit.inbox.PollInbox;
import io.kadi.kit.kafka.KafkaSerializers;
import io.kadi.kit.outbox.Outbox;
import io.kadi.kit.outbox.OutboxMetrics;
import io.kadi.kit.outbox.OutboxProperties;
import io.kadi.kit.outbox.OutboxRelay;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox, the inbox and its janitor, record metadata and the kit's migrations. */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@EnableConfigurationProperties({OutboxProperties.class, InboxProperties.class})
public class KadiAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  RecordMetadata recordMetadata(Clock clock) {
    return new RecordMetadata(clock);
  }

  @Bean
  @ConditionalOnMissingBean
  FlywayMigrationStrategy kitMigrations() {
    return new KitMigrations();
  }

  @Bean
  OutboxRelay outboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaProperties kafka, OutboxProperties properties,
      @Value("${spring.application.name:kadi}") String application) {
    return OutboxRelay.create(jdbc, transactions, kafka.buildProducerProperties(), properties, application + "-outbox");
  }

  @Bean
  Outbox outbox(JdbcTemplate jdbc, KafkaProperties kafka, OutboxRelay relay) {
    return new Outbox(jdbc, KafkaSerializers.configuredValueSerializer(kafka), relay);
  }

  @Bean
  OutboxMetrics outboxMetrics(JdbcClient jdbc) {
    return new OutboxMetrics(jdbc);
  }

  @Bean
  Inbox inbox(JdbcClient jdbc, TransactionTemplate transactions) {
    return new Inbox(jdbc, transactions);
  }

  @Bean
  PollInbox pollInbox(Inbox inbox, TransactionTemplate transactions) {
    return new PollInbox(inbox, transactions);
  }

  @Bean
  InboxJanitor inboxJanitor(JdbcClient jdbc, InboxProperties properties) {
    return new InboxJanitor(jdbc, properties);
  }
}
