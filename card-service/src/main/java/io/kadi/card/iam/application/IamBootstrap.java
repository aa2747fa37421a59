package io.kadi.card.iam.application;

import io.kadi.card.cardholder.domain.Programs;
import io.kadi.card.iam.domain.ClientRequest;
import io.kadi.kit.context.Mode;
import io.kadi.kit.security.Cidr;
import java.util.List;
import io.kadi.kit.security.ApiKeys;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Makes the first API client when {@code kadi.iam.bootstrap.credentials-file} is set, that file holds no working key,
 * and the mode has no client yet: an operator in the default program, whose key id and secret go into the file,
 * readable by its owner only (0600). {@code ./kadi up} sets it to {@code .kadi/credentials}; a deployment sets it once, copies the file off the
 * volume, and makes the clients it needs with it.
 */
public final class IamBootstrap implements ApplicationRunner {

  public static final String URL = "KADI_API_URL";
  public static final String KEY_ID = "KADI_KEY_ID";
  public static final String SECRET = "KADI_SECRET";
  public static final String TOTP_SECRET = "KADI_TOTP_SECRET";

  private static final Logger log = LoggerFactory.getLogger(IamBootstrap.class);

  private final ApiClientService clients;
  private final ApiKeys keys;
  private final IamProperties.Bootstrap settings;
  private final boolean requireLiveAllowlist;

  public IamBootstrap(ApiClientService clients, ApiKeys keys, IamProperties properties) {
    this.clients = clients;
    this.keys = keys;
    this.settings = properties.bootstrap();
    this.requireLiveAllowlist = properties.requireLiveAllowlist();
  }

  @Override
  public void run(ApplicationArguments arguments) {
    Path file = settings.credentialsFile();
    if (file == null) {
      return;
    }
    if (worksAlready(file)) {
      log.info("API credentials in {} are in use; no client bootstrapped", file);
      return;
    }
    Mode mode = Mode.fromWireName(settings.mode());
    List<Cidr> networks = settings.allowedIps().stream().map(Cidr::parse).toList();
    if (ClientRequest.lacksLiveAllowlist(mode, networks, requireLiveAllowlist)) {
      throw new IllegalStateException("A live operator needs kadi.iam.bootstrap.allowed-ips (KADI_BOOTSTRAP_ALLOWED_IPS in "
          + "docker-compose.yml): the networks it will call from, none wider than a /8 (IPv4) or /16 (IPv6).");
    }
    Optional<ApiClientService.Bootstrapped> bootstrapped = clients.bootstrap(Programs.DEFAULT, "default", mode,
        networks.stream().map(Cidr::toString).toList());
    if (bootstrapped.isEmpty()) {
      log.warn("{} holds no working API key, and {} API clients exist already: no operator was bootstrapped. Make a key "
          + "with an existing client (a local stack can start from an empty database instead).", file, settings.mode());
      return;
    }
    ApiClientService.Bootstrapped made = bootstrapped.get();
    write(file, made);
    log.info("Bootstrapped {} operator {} (key {}); its credentials are in {}", settings.mode(), made.key().client().id(),
        made.key().keyId(), file);
  }

  /** Whether the file names a key that exists and is neither revoked nor expired. */
  private boolean worksAlready(Path file) {
    if (!Files.exists(file)) {
      return false;
    }
    Properties credentials = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      credentials.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the API credentials in " + file, e);
    }
    String keyId = credentials.getProperty(KEY_ID);
    return keyId != null && keys.find(keyId)
        .filter(key -> !key.isRevoked() && !key.isExpiredAt(java.time.Instant.now())).isPresent();
  }

  /** Written to a private temporary file, then moved over the old one, so the secret is never readable by others. */
  private void write(Path file, ApiClientService.Bootstrapped made) {
    NewKey key = made.key();
    try {
      Path directory = file.toAbsolutePath().getParent();
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, ".credentials", ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(temporary, """
          # Kadi API credentials: a %s operator made on first start. The secret signs requests: keep this file private.
          # ./kadi api reads it. docs/api-security.md says how to sign requests with it yourself.
          %s=%s
          %s=%s
          %s=%s
          """.formatted(settings.mode(), URL, settings.apiUrl(), KEY_ID, key.keyId(), SECRET, key.secret())
          + (made.totp() == null ? "" : """
              # The sandbox operator's TOTP seed, so that ./kadi api can step up. A person's seed lives in an app, never here.
              %s=%s
              """.formatted(TOTP_SECRET, made.totp().base32())));
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      throw new IllegalStateException("Cannot write the API credentials to " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the API credentials to " + file, e);
    }
  }
}
