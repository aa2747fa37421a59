package io.kadi.card.iam.application;

import io.kadi.card.iam.domain.ApiClient;

/** A client with a key just made: the secret is in this answer and nowhere else, ever. */
public record NewKey(ApiClient client, String keyId, String secret) {

  @Override
  public String toString() {
    return "NewKey[" + client.id() + ", " + keyId + "]";
  }
}
