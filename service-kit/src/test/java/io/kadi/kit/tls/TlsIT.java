package io.kadi.kit.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kadi.kit.testapp.KitTestApplication;
import io.kadi.kit.testing.KadiTestInfrastructure;
import io.kadi.kit.testing.SelfSignedCertificate;
import io.kadi.kit.testing.TestApiClients;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service given a certificate (the kit's test service, with {@code kadi.tls.certificate} and
 * {@code kadi.tls.private-key}) serves its API over TLS 1.3 and 1.2 only, with strong ciphers only, never over plain
 * HTTP, and picks up a renewed certificate without a restart. The certificate sits in a directory laid out as a
 * Kubernetes secret volume is: files that are symlinks into {@code ..data}, itself a symlink the kubelet swaps.
 */
class TlsIT {

  private static final String TLS_12_AEAD_WITH_FORWARD_SECRECY =
      "TLS_ECDHE_(ECDSA|RSA)_WITH_(AES_128_GCM_SHA256|AES_256_GCM_SHA384|CHACHA20_POLY1305_SHA256)";
  private static final List<String> VERSIONS = List.of("..v1", "..v2", "..v3");

  private static Path staging;
  private static Path mounted;
  private static List<SelfSignedCertificate> certificates;
  private static SSLContext trustingThem;
  private static ConfigurableApplicationContext service;
  private static int port;

  @BeforeAll
  static void startTheServiceWithACertificate() throws IOException {
    staging = Files.createTempDirectory("kadi-tls-staging");
    mounted = Files.createTempDirectory("kadi-tls");
    certificates = VERSIONS.stream().map(version -> SelfSignedCertificate.generate(staging.resolve(version), "tls")).toList();
    trustingThem = SelfSignedCertificate.trusting(certificates);
    Files.move(staging.resolve(VERSIONS.getFirst()), mounted.resolve(VERSIONS.getFirst()));
    Files.createSymbolicLink(mounted.resolve("..data"), Path.of(VERSIONS.getFirst()));
    Files.createSymbolicLink(mounted.resolve("tls.crt"), Path.of("..data", "tls.crt"));
    Files.createSymbolicLink(mounted.resolve("tls.key"), Path.of("..data", "tls.key"));

    service = new SpringApplicationBuilder(KitTestApplication.class)
        .initializers(new KadiTestInfrastructure())
        .run("--server.port=0", "--spring.config.name=kit-test",
            "--kadi.tls.certificate=" + mounted.resolve("tls.crt"), "--kadi.tls.private-key=" + mounted.resolve("tls.key"),
            // Renewals are picked up once the files have been quiet this long (10 s unless told).
            "--spring.ssl.bundle.watch.file.quiet-period=200ms");
    port = ((WebServerApplicationContext) service).getWebServer().getPort();
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
    FileSystemUtils.deleteRecursively(staging.toFile());
    FileSystemUtils.deleteRecursively(mounted.toFile());
  }

  @Test
  void aTls13HandshakeSucceeds() throws IOException {
    SSLSession session = handshake("TLSv1.3", null);

    assertThat(session.getProtocol()).isEqualTo("TLSv1.3");
  }

  @Test
  void aTls12HandshakeSucceedsWithForwardSecrecyAndAuthenticatedEncryption() throws IOException {
    SSLSession session = handshake("TLSv1.2", null);

    assertThat(session.getProtocol()).isEqualTo("TLSv1.2");
    assertThat(session.getCipherSuite()).matches(TLS_12_AEAD_WITH_FORWARD_SECRECY);
  }

  @Test
  void aTls12ClientOfferingOnlyCbcCiphersIsRefusedByTheServer() {
    // The JDK's client offers these, and Tomcat's defaults would accept them.
    String[] cbcOnly = {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
        "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"};

    assertThatThrownBy(() -> handshake("TLSv1.2", cbcOnly))
        .isInstanceOf(SSLHandshakeException.class)
        .hasMessageContaining("Received fatal alert: handshake_failure");
  }

  /**
   * Current JDKs disable TLS 1.0 and 1.1 ({@code jdk.tls.disabledAlgorithms}) for this JVM's client and for Tomcat's
   * JSSE alike, so a handshake offering TLS 1.1 fails in the client before the server says anything. What shows that
   * Kadi would refuse it on a JVM that allowed it is the running connector's own list of protocols.
   */
  @Test
  void tls11IsNeitherEnabledOnTheConnectorNorNegotiated() {
    assertThat(Arrays.stream(((TomcatWebServer) ((WebServerApplicationContext) service).getWebServer()).getTomcat()
            .getConnector().findSslHostConfigs()).map(SSLHostConfig::getEnabledProtocols))
        .singleElement().satisfies(protocols -> assertThat(protocols).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2"));
    assertThatThrownBy(() -> handshake("TLSv1.1", null)).isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void plainHttpOnTheApiPortNeverReachesTheApi() throws IOException {
    URI uri = URI.create("http://localhost:" + port + "/test/things/" + UUID.randomUUID());
    StringBuilder request = new StringBuilder("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
    TestApiClients.operator().credentials().sign("GET", uri, new byte[0])
        .forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));

    String answer;
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }

    // Tomcat tells a plain-HTTP client what it did wrong, and closes: the request never reaches Kadi.
    assertThat(answer).startsWith("HTTP/1.1 400 ").contains("This combination of host and port requires TLS.")
        .doesNotContain("thing_not_found").doesNotContain("X-Request-Id");
  }

  @Test
  void aSignedRequestOverHttpsIsAuthenticatedAndAnswered() throws Exception {
    UUID thing = UUID.randomUUID();
    URI uri = URI.create("https://localhost:" + port + "/test/things/" + thing);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
    TestApiClients.operator().credentials().sign("GET", uri, new byte[0]).forEach(request::header);

    HttpResponse<String> response;
    try (HttpClient https = HttpClient.newBuilder().sslContext(trustingThem).build()) {
      response = https.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
    JsonNode problem = JsonMapper.builder().build().readTree(response.body());
    assertThat(problem.path("code").asString()).isEqualTo("thing_not_found");
    assertThat(problem.path("thing_id").asString()).isEqualTo(thing.toString());
  }

  /** Twice: a watcher that followed the first swap of {@code ..data} but not the next would serve a stale certificate. */
  @Test
  void aRenewedCertificateIsServedToNewConnectionsWithoutARestart() throws IOException {
    assertThat(servedCertificateIndex()).isEqualTo(0);

    for (int next = 1; next < VERSIONS.size(); next++) {
      renewTo(next);
      int expected = next;
      Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(servedCertificateIndex()).isEqualTo(expected));
    }
  }

  /** As the kubelet updates a secret volume: the new files in a directory of their own, then {@code ..data} swapped to it. */
  private static void renewTo(int index) throws IOException {
    String version = VERSIONS.get(index);
    Files.move(staging.resolve(version), mounted.resolve(version));
    Path link = Files.createSymbolicLink(mounted.resolve("..data_tmp"), Path.of(version));
    Files.move(link, mounted.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
    FileSystemUtils.deleteRecursively(mounted.resolve(VERSIONS.get(index - 1)));
  }

  private static int servedCertificateIndex() throws IOException {
    SSLSession session = handshake("TLSv1.3", null);
    for (int i = 0; i < certificates.size(); i++) {
      if (certificates.get(i).x509().equals(session.getPeerCertificates()[0])) {
        return i;
      }
    }
    throw new AssertionError("The server presented a certificate this test did not make");
  }

  /** A handshake with the client offering only this protocol (and, when given, only these cipher suites). */
  private static SSLSession handshake(String protocol, String[] cipherSuites) throws IOException {
    try (SSLSocket socket = (SSLSocket) trustingThem.getSocketFactory().createSocket("localhost", port)) {
      socket.setSoTimeout(10_000);
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setProtocols(new String[] {protocol});
      if (cipherSuites != null) {
        parameters.setCipherSuites(cipherSuites);
      }
      // As an HTTPS client does: the certificate must name the host (localhost) the client asked for.
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      return socket.getSession();
    }
  }
}
