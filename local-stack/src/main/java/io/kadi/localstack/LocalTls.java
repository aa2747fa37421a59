package io.kadi.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The local stack's development certificate, for {@code KADI_TLS=1 ./kadi up}: self-signed, for localhost, 127.0.0.1
 * and ::1, in {@code $KADI_HOME/tls/cert.pem}, with its key in {@code key.pem} (readable by the owner only). Made on
 * the first start with TLS, by the JDK's own keytool so that nothing else need be installed, and made again only when
 * it is about to expire. Clients trust it by name ({@code curl --cacert .kadi/tls/cert.pem}); never use it anywhere
 * else.
 */
final class LocalTls {

  static final String DIRECTORY = "tls";
  static final String CERTIFICATE = "cert.pem";
  static final String PRIVATE_KEY = "key.pem";
  /** Within what Apple's platforms accept for a server certificate someone chose to trust (825 days). */
  static final int VALIDITY_DAYS = 825;

  private static final Duration RENEW_WITHIN = Duration.ofDays(1);
  private static final String ALIAS = "kadi-local";
  private static final char[] STORE_PASSWORD = "kadi-local".toCharArray();

  private LocalTls() {}

  /** Whether the environment asks for TLS: {@code KADI_TLS=1}. */
  static boolean requested(Map<String, String> env) {
    return "1".equals(env.get("KADI_TLS"));
  }

  /** The kit's TLS settings for every service, naming the certificate and key, which are made first if need be. */
  static Map<String, Object> loadOrCreate(Path home) {
    return loadOrCreate(home, Clock.systemUTC());
  }

  static Map<String, Object> loadOrCreate(Path home, Clock clock) {
    Path directory = home.resolve(DIRECTORY);
    try {
      if (!usable(directory, clock.instant())) {
        create(directory);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read or create the development certificate in " + directory, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not read or create the development certificate in " + directory, e);
    }
    return Map.of("kadi.tls.certificate", directory.resolve(CERTIFICATE).toAbsolutePath(),
        "kadi.tls.private-key", directory.resolve(PRIVATE_KEY).toAbsolutePath());
  }

  /** Where the certificate is (or will be), for clients to trust. */
  static Path certificate(Path home) {
    return home.resolve(DIRECTORY).resolve(CERTIFICATE);
  }

  /** A client context that trusts the development certificate, and nothing else: for {@code ./kadi api}. */
  static SSLContext trustingTheCertificate(Path home) {
    Path file = certificate(home);
    try {
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      trusted.setCertificateEntry(ALIAS, read(file));
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the development certificate " + file + ". Start the stack with KADI_TLS=1 "
          + "once: it makes it.", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot trust the development certificate " + file, e);
    }
  }

  /**
   * The same address over HTTPS. The credentials file names the local stack by its plain-HTTP address whether or not
   * TLS is on, so that switching KADI_TLS on and off never leaves it naming the other.
   */
  static URI https(URI uri) {
    return "http".equals(uri.getScheme()) ? URI.create("https" + uri.toString().substring("http".length())) : uri;
  }

  private static boolean usable(Path directory, Instant now) throws IOException, GeneralSecurityException {
    Path certificate = directory.resolve(CERTIFICATE);
    return Files.exists(certificate) && Files.exists(directory.resolve(PRIVATE_KEY))
        && read(certificate).getNotAfter().toInstant().isAfter(now.plus(RENEW_WITHIN));
  }

  /** Both files are written beside their final names and then moved there, key first: a half-made pair is never used. */
  private static void create(Path directory) throws IOException, GeneralSecurityException {
    Files.createDirectories(directory);
    Path work = Files.createTempDirectory(directory, ".new");
    try {
      Path store = work.resolve("store.p12");
      keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
          "-validity", Integer.toString(VALIDITY_DAYS), "-dname", "CN=localhost",
          "-ext", "SAN=dns:localhost,ip:127.0.0.1,ip:::1",
          "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(STORE_PASSWORD));
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(store)) {
        keys.load(in, STORE_PASSWORD);
      }
      Path key = Files.createFile(work.resolve(PRIVATE_KEY), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(key, pem("PRIVATE KEY", keys.getKey(ALIAS, STORE_PASSWORD).getEncoded()));
      Path certificate = Files.writeString(work.resolve(CERTIFICATE), pem("CERTIFICATE", keys.getCertificate(ALIAS).getEncoded()));
      Files.move(key, directory.resolve(PRIVATE_KEY), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Files.move(certificate, directory.resolve(CERTIFICATE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      FileSystemUtils.deleteRecursively(work);
    }
  }

  static X509Certificate read(Path file) throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static void keytool(String... arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool could not make the development certificate: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while keytool made the development certificate", e);
    }
  }
}
