package io.kadi.audit.log.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kadi.audit.log.persistence.EntryRows.UnreadableColumnException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntryRowsTest {

  @Test
  void readsSubjectIdsAsTheObjectOfStringsAuditServiceWrites() throws UnreadableColumnException {
    assertThat(EntryRows.subjectIds("{\"cardId\": \"c-1\", \"cardholderId\": \"ß-2\"}"))
        .isEqualTo(Map.of("cardId", "c-1", "cardholderId", "ß-2"));
    assertThat(EntryRows.subjectIds("{}")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      ["x"]                    | subject_ids is not a JSON object
      "c-1"                    | subject_ids is not a JSON object
      null                     | subject_ids is not a JSON object
      {"cardId": 7}            | subject_ids.cardId is not a string
      {"cardId": true}         | subject_ids.cardId is not a string
      {"cardId": null}         | subject_ids.cardId is not a string
      {"cardId": {"id": "x"}}  | subject_ids.cardId is not a string
      {"cardId": ["c-1"]}      | subject_ids.cardId is not a string
      """)
  void subjectIdsThatAreNotAnObjectOfStringsAreUnreadable(String json, String problem) {
    assertThatThrownBy(() -> EntryRows.subjectIds(json)).isInstanceOf(UnreadableColumnException.class).hasMessage(problem);
  }
}
