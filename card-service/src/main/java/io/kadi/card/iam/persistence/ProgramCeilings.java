package io.kadi.card.iam.persistence;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Each program's spending-limit ceilings: per currency, the largest limit its clients set without step-up. */
@Repository
public class ProgramCeilings {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<TreeMap<String, Long>> CEILINGS = new TypeReference<>() {};

  private final JdbcClient jdbc;

  ProgramCeilings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The program's ceilings by currency code; empty when it has none (or for no program). */
  public Map<String, Long> of(UUID program) {
    if (program == null) {
      return Map.of();
    }
    return jdbc.sql("select spending_limit_ceilings::text from iam.programs where id = ?").param(program)
        .query(String.class).optional().<Map<String, Long>>map(json -> JSON.readValue(json, CEILINGS)).orElse(Map.of());
  }

  /** Replaces the program's ceilings; false when there is no such program. */
  public boolean set(UUID program, Map<String, Long> ceilings) {
    return jdbc.sql("update iam.programs set spending_limit_ceilings = ?::jsonb where id = ?")
        .params(JSON.writeValueAsString(new TreeMap<>(ceilings)), program).update() == 1;
  }
}
