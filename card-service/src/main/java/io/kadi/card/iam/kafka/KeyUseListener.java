package io.kadi.card.iam.kafka;

import io.kadi.card.iam.persistence.ApiClientRepository;
import io.kadi.events.api.v1.ApiRequestLogged;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Keeps each API key's last use, from the access log every service writes (only card-service writes the iam schema).
 * A poll's uses are folded to the latest per key and written key by key; a redelivered record writes nothing new,
 * since a use is only ever moved later. A record that is not an access log entry is dead-lettered, after the uses
 * before it are written.
 */
@Component
class KeyUseListener {

  static final String HANDLER = "api-key-uses";

  private final ApiClientRepository clients;

  KeyUseListener(ApiClientRepository clients) {
    this.clients = clients;
  }

  @KafkaListener(id = HANDLER, idIsGroup = false, batch = "true",
      topics = "#{T(io.kadi.schemas.topics.Topics).API_ACCESS.name()}")
  void on(List<ConsumerRecord<String, SpecificRecord>> poll) {
    Map<String, Instant> lastUses = new TreeMap<>(); // sorted, so concurrent consumers lock rows in one order
    for (int index = 0; index < poll.size(); index++) {
      if (!(poll.get(index).value() instanceof ApiRequestLogged logged)) {
        clients.recordUse(lastUses);
        throw new BatchListenerFailedException("Not an access log entry", index);
      }
      if (logged.getAuthenticated() && logged.getKeyId() != null) {
        lastUses.merge(logged.getKeyId(), logged.getMetadata().getOccurredAt(), (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    clients.recordUse(lastUses);
  }
}
