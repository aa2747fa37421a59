package io.kadi.kit.testing;

import io.kadi.kit.context.Ids;
import io.kadi.kit.context.Mode;
import io.kadi.kit.db.KitMigrations;
import io.kadi.kit.security.ApiCredentials;
import io.kadi.kit.security.ApiKey;
import io.kadi.kit.security.Role;
import io.kadi.kit.security.SecretCipher;
import io.kadi.kit.security.totp.TotpSecret;
import io.kadi.kit.security.totp.TotpVerifier;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * API clients for tests, written straight into this JVM's {@code iam} schema (card-service's API makes them in a
 * deployment; services other than card-service have no such API). Every client's secret is encrypted under
 * {@link #SECRET_KEY}, which {@link KadiTestInfrastructure} configures in every test context.
 */
public final class TestApiClients {

  /** The key test contexts encrypt API secrets under: fixed, and used nowhere but tests. */
  public static final String SECRET_KEY = "dGVzdC1vbmx5LWFwaS1zZWNyZXQta2V5LTMyLWJ5dGU=";
  /** The program the {@link #operator()} and clients made without one belong to. */
  public static final UUID TEST_PROGRAM = UUID.fromString("00000000-0000-7000-8000-000000000001");

  private static final SecretCipher CIPHER = new SecretCipher("test", Map.of(1, SECRET_KEY), 1);
  private static Client operator;
  private static boolean migrated;

  private TestApiClients() {}

  /** A client as made: its ids and the credentials to sign with. */
  public record Client(UUID clientId, UUID programId, Mode mode, ApiCredentials credentials) {
    public String keyId() {
      return credentials.keyId();
    }
  }

  /** The sandbox operator of this JVM (every scope, every program): what {@link Http} signs with unless told otherwise. */
  public static synchronized Client operator() {
    if (operator == null) {
      operator = create(TEST_PROGRAM, Mode.SANDBOX, Set.of(Role.OPERATOR), List.of());
    }
    return operator;
  }

  /** A new program, for tests of what one program's clients may not see of another's. */
  public static UUID newProgram() {
    UUID program = Ids.newId();
    jdbc().sql("insert into iam.programs (id, name, created_at) values (?, ?, now()) on conflict do nothing")
        .params(program, "test program " + program).update();
    return program;
  }

  public static Client create(UUID program, Mode mode, Set<Role> roles, List<String> allowedIps) {
    Set<String> scopes = Role.scopesOf(roles, List.of());
    return create(program, mode, roles.stream().map(Role::wireName).toList(), scopes, allowedIps);
  }

  public static Client create(UUID program, Mode mode, List<String> roles, Set<String> scopes, List<String> allowedIps) {
    JdbcClient jdbc = jdbc();
    jdbc.sql("insert into iam.programs (id, name, created_at) values (?, ?, now()) on conflict do nothing")
        .params(program, "test program " + program).update();
    UUID client = Ids.newId();
    jdbc.sql("""
            insert into iam.api_clients (id, program_id, name, mode, roles, scopes, allowed_ips, created_by, created_at)
            values (?, ?, ?, ?, ?::text[], ?::text[], ?::cidr[], 'test', now())""")
        .params(client, program, "test client " + client, mode.wireName(), array(roles), array(scopes), array(allowedIps))
        .update();
    return new Client(client, program, mode, addKey(client, mode, null));
  }

  /** Another key of the client, expiring at the given time (null: never), as a rotation leaves the previous one. */
  public static ApiCredentials addKey(UUID client, Mode mode, Instant expiresAt) {
    ApiKey.Generated key = ApiKey.generate(mode);
    SecretCipher.Sealed sealed = CIPHER.seal(key.keyId(), key.secret().getBytes(StandardCharsets.UTF_8));
    jdbc().sql("""
            insert into iam.api_keys (id, client_id, secret_key_version, secret_ciphertext, created_at, expires_at)
            values (?, ?, ?, ?, now(), ?)""")
        .params(key.keyId(), client, sealed.keyVersion(), sealed.ciphertext(),
            expiresAt == null ? null : Timestamp.from(expiresAt))
        .update();
    return new ApiCredentials(key.keyId(), key.secret());
  }

  /** Gives the client a confirmed TOTP seed, as its enrolment would, and returns it to make codes with. */
  public static TotpSecret enrolTotp(UUID client) {
    TotpSecret seed = TotpSecret.generate();
    SecretCipher.Sealed sealed = CIPHER.seal(ApiKey.totpOwner(client), seed.bytes());
    jdbc().sql("update iam.api_clients set totp_key_version = ?, totp_ciphertext = ?, totp_confirmed_at = now() where id = ?")
        .params(sealed.keyVersion(), sealed.ciphertext(), client).update();
    return seed;
  }

  /** The code the client's authenticator app shows now. */
  public static String totpCode(TotpSecret seed) {
    return new TotpVerifier().codeAt(seed, Instant.now());
  }

  /** Creates the iam schema in this JVM's database, once. */
  static synchronized void migrateIam() {
    if (!migrated) {
      KitMigrations.migrateIam(TestDatabase.get().dataSource());
      migrated = true;
    }
  }

  private static JdbcClient jdbc() {
    migrateIam();
    return JdbcClient.create(TestDatabase.get().dataSource());
  }

  private static String array(java.util.Collection<String> values) {
    return values.stream().map(value -> "\"" + value + "\"").collect(java.util.stream.Collectors.joining(",", "{", "}"));
  }
}
