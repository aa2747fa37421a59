package io.kadi.localstack;

import io.kadi.card.iam.application.IamBootstrap;
import io.kadi.kit.security.ApiCredentials;
import io.kadi.kit.security.totp.TotpSecret;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The API credentials card-service bootstraps on the local stack's first start (KADI_API_URL, KADI_KEY_ID,
 * KADI_SECRET and the sandbox operator's KADI_TOTP_SECRET in {@code .kadi/credentials}, mode 0600), read by
 * {@code ./kadi api} and the benchmark.
 *
 * @param totp the operator's TOTP seed, for step-up; null when the file has none
 */
public record LocalCredentials(URI apiUrl, ApiCredentials credentials, TotpSecret totp) {

  public static final String FILE = "credentials";

  /** {@code KADI_CREDENTIALS} when set (the benchmark's stack keeps its own), else {@code credentials} in the home. */
  public static Path file(Map<String, String> env) {
    String given = env.get("KADI_CREDENTIALS");
    return given != null && !given.isBlank() ? Path.of(given) : Path.of(env.getOrDefault("KADI_HOME", ".kadi")).resolve(FILE);
  }

  public static LocalCredentials read(Path file) {
    if (Files.notExists(file)) {
      throw new IllegalStateException("No API credentials in " + file + ". Start the stack once (./kadi up): it writes them.");
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    String url = properties.getProperty(IamBootstrap.URL);
    String keyId = properties.getProperty(IamBootstrap.KEY_ID);
    String secret = properties.getProperty(IamBootstrap.SECRET);
    if (url == null || keyId == null || secret == null) {
      throw new IllegalStateException(file + " lacks KADI_API_URL, KADI_KEY_ID or KADI_SECRET. Delete it and start the "
          + "stack again: it writes new ones.");
    }
    String totp = properties.getProperty(IamBootstrap.TOTP_SECRET);
    return new LocalCredentials(URI.create(url), new ApiCredentials(keyId, secret),
        totp == null ? null : TotpSecret.fromBase32(totp));
  }
}
