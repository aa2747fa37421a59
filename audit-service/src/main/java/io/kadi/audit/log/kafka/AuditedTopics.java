package io.kadi.audit.log.kafka;

import io.kadi.schemas.topics.KadiTopic;
import io.kadi.schemas.topics.Topics;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The topics audited: every topic of the catalogue, so that a topic added there is audited without a change here,
 * except the log's own output, which would otherwise audit itself without end.
 */
@Component("auditedTopics")
public class AuditedTopics {

  private final List<String> names = Topics.ALL.stream()
      .filter(topic -> !topic.equals(Topics.AUDIT_RECORDS))
      .map(KadiTopic::name)
      .toList();

  public List<String> names() {
    return names;
  }
}
