package io.kadi.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.kadi.kit.security.ApiCredentials;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shell signer in docs/api-security.md signs exactly as Kadi's own client does, and so as the server verifies. */
class SigningSnippetIsTrueTest {

  private static final Path DOC = Path.of("..", "docs", "api-security.md");
  private static final String KEY_ID = "ksk_test_00112233445566778899aabbccddeeff";
  private static final String SECRET = "kss_test_example-secret-do-not-use";

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "POST | /v1/cards/0193a5b2-7c1e-7d2a-9f00-5e8c2b1a4d10/fundings | b=2&a=1 | {\"amount\": 500000, \"currency\": \"NGN\", \"reference\": \"payout-2291\"}",
      "GET  | /v1/cards/0193a5b2-7c1e-7d2a-9f00-5e8c2b1a4d10/transactions | limit=10&starting_after=a%2Fb | ''",
      "POST | /v1/cards/0193a5b2-7c1e-7d2a-9f00-5e8c2b1a4d10/freeze | '' | ''",
      "GET  | /v1/cards | status=frozen&limit=5&status=active&flag | ''"})
  void theShellFunctionSignsAsKadisClient(String method, String path, String query, String body) throws Exception {
    Map<String, String> expected = new ApiCredentials(KEY_ID, SECRET).sign(method,
        URI.create("http://localhost:8081" + path + (query.isEmpty() ? "" : "?" + query)),
        body.getBytes(StandardCharsets.UTF_8), 1764165600L, "b1946ac92492d2347c6235b4d2611184");

    assertThat(shellSignature(method, path, query, body)).isEqualTo(expected);
  }

  private static Map<String, String> shellSignature(String method, String path, String query, String body) throws Exception {
    String doc = Files.readString(DOC);
    String block = doc.substring(doc.indexOf("<!-- signing-snippet:start -->"), doc.indexOf("<!-- signing-snippet:end -->"));
    String function = block.substring(block.indexOf("```bash") + "```bash".length(), block.lastIndexOf("```"));
    ProcessBuilder builder = new ProcessBuilder("bash", "-e", "-c", function + "\nkadi_sign \"$1\" \"$2\" \"$3\" \"$4\"",
        "kadi_sign", method, path, query, body);
    builder.environment().putAll(Map.of("KADI_KEY_ID", KEY_ID, "KADI_SECRET", SECRET, "KADI_TIMESTAMP", "1764165600",
        "KADI_NONCE", "b1946ac92492d2347c6235b4d2611184"));
    Process bash = builder.redirectErrorStream(true).start();
    String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor()).as(output).isZero();
    return Arrays.stream(output.strip().split("\n"))
        .map(line -> line.split(": ", 2))
        .collect(Collectors.toMap(parts -> parts[0], parts -> parts[1], (a, b) -> b, LinkedHashMap::new));
  }
}
