package io.kadi.kit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway self-signed certificate for localhost and 127.0.0.1, with its key, as the PEM files a service is given
 * ({@code kadi.tls.certificate}, {@code kadi.tls.private-key}). Made by the JDK's own keytool, which every JDK has,
 * then written out as PEM here: neither openssl nor a certificate library is needed.
 */
public record SelfSignedCertificate(Path certificate, Path privateKey, X509Certificate x509) {

  private static final char[] PASSWORD = "throwaway".toCharArray();

  /** Writes {@code <name>.crt} and {@code <name>.key} into the directory. */
  public static SelfSignedCertificate generate(Path directory, String name) {
    Path store = directory.resolve(name + ".p12");
    try {
      Files.createDirectories(directory);
      keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
          "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
          "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(PASSWORD));
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(store)) {
        keys.load(in, PASSWORD);
      }
      Key key = keys.getKey(name, PASSWORD);
      X509Certificate x509 = (X509Certificate) keys.getCertificate(name);
      Path certificate = Files.writeString(directory.resolve(name + ".crt"), pem("CERTIFICATE", x509.getEncoded()));
      Path privateKey = Files.writeString(directory.resolve(name + ".key"), pem("PRIVATE KEY", key.getEncoded()));
      return new SelfSignedCertificate(certificate, privateKey, x509);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } finally {
      store.toFile().delete();
    }
  }

  /** A TLS client context that trusts these certificates, and nothing else. */
  public static SSLContext trusting(List<SelfSignedCertificate> certificates) {
    try {
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      for (SelfSignedCertificate certificate : certificates) {
        trusted.setCertificateEntry(certificate.x509().getSerialNumber().toString(16), certificate.x509());
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  private static void keytool(String... arguments) throws IOException {
    List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
