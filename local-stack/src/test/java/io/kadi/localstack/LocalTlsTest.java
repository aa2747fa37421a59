package io.kadi.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

/** {@code KADI_TLS=1 ./kadi up}'s development certificate: made once, private key private, good for localhost. */
class LocalTlsTest {

  @TempDir Path home;

  @Test
  void theFirstStartMakesACertificateForLocalhostAndAKeyOnlyItsOwnerCanRead() throws Exception {
    Map<String, Object> settings = LocalTls.loadOrCreate(home);

    Path tls = home.resolve("tls").toAbsolutePath();
    assertThat(settings).isEqualTo(Map.of("kadi.tls.certificate", tls.resolve("cert.pem"), "kadi.tls.private-key", tls.resolve("key.pem")));
    assertThat(Files.getPosixFilePermissions(tls.resolve("key.pem"))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(tls).isDirectoryContaining(path -> path.getFileName().toString().equals("cert.pem"))
        .satisfies(directory -> assertThat(Files.list(directory).map(path -> path.getFileName().toString()))
            .as("nothing left over from making them").containsExactlyInAnyOrder("cert.pem", "key.pem"));
    X509Certificate certificate = LocalTls.read(tls.resolve("cert.pem"));
    assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
    assertThat(certificate.getSubjectAlternativeNames()).containsExactlyInAnyOrder(
        List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"));
    assertThat(certificate.getNotAfter().toInstant())
        .isBetween(Instant.now().plus(Duration.ofDays(LocalTls.VALIDITY_DAYS - 1)), Instant.now().plus(Duration.ofDays(LocalTls.VALIDITY_DAYS + 1)));
  }

  @Test
  void laterStartsKeepTheSameCertificate() throws Exception {
    LocalTls.loadOrCreate(home);
    byte[] certificate = Files.readAllBytes(home.resolve("tls/cert.pem"));
    byte[] key = Files.readAllBytes(home.resolve("tls/key.pem"));

    LocalTls.loadOrCreate(home);

    assertThat(Files.readAllBytes(home.resolve("tls/cert.pem"))).isEqualTo(certificate);
    assertThat(Files.readAllBytes(home.resolve("tls/key.pem"))).isEqualTo(key);
  }

  @Test
  void aCertificateAboutToExpireIsMadeAgain() throws Exception {
    LocalTls.loadOrCreate(home);
    X509Certificate first = LocalTls.read(home.resolve("tls/cert.pem"));

    Instant lastDay = first.getNotAfter().toInstant().minus(Duration.ofHours(12));
    LocalTls.loadOrCreate(home, Clock.fixed(lastDay, ZoneOffset.UTC));

    assertThat(LocalTls.read(home.resolve("tls/cert.pem"))).isNotEqualTo(first);
  }

  /** The certificate and key as Spring Boot's PEM bundle (what the services use) loads them, and ./kadi api's client. */
  @Test
  void aServerWithTheCertificateIsTrustedByKadiApiAsLocalhost() throws Exception {
    Map<String, Object> settings = LocalTls.loadOrCreate(home);
    SslBundle server = SslBundle.of(new PemSslStoreBundle(
        PemSslStoreDetails.forCertificate(settings.get("kadi.tls.certificate").toString())
            .withPrivateKey(settings.get("kadi.tls.private-key").toString()), null));

    try (SSLServerSocket listening = (SSLServerSocket) server.createSslContext().getServerSocketFactory().createServerSocket(0)) {
      CompletableFuture<String> accepted = CompletableFuture.supplyAsync(() -> {
        try (SSLSocket socket = (SSLSocket) listening.accept()) {
          socket.startHandshake();
          return socket.getSession().getProtocol();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      try (SSLSocket client = (SSLSocket) LocalTls.trustingTheCertificate(home).getSocketFactory()
          .createSocket("localhost", listening.getLocalPort())) {
        SSLParameters parameters = client.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        client.setSSLParameters(parameters);
        client.startHandshake();
        assertThat(client.getSession().getPeerHost()).isEqualTo("localhost");
      }
      assertThat(accepted.get()).isEqualTo("TLSv1.3");
    }
  }

  @Test
  void kadiApiTurnsTheCredentialsPlainAddressIntoItsHttpsOne() {
    assertThat(LocalTls.https(URI.create("http://localhost:8081/v1/cards?limit=2")))
        .isEqualTo(URI.create("https://localhost:8081/v1/cards?limit=2"));
    assertThat(LocalTls.https(URI.create("https://api.example.com/v1/cards"))).isEqualTo(URI.create("https://api.example.com/v1/cards"));
  }

  @Test
  void onlyKadiTlsSetToOneAsksForTls() {
    assertThat(LocalTls.requested(Map.of("KADI_TLS", "1"))).isTrue();
    assertThat(LocalTls.requested(Map.of("KADI_TLS", "0"))).isFalse();
    assertThat(LocalTls.requested(Map.of())).isFalse();
  }
}
