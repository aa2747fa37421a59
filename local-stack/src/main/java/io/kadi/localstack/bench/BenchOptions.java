package io.kadi.localstack.bench;

import io.kadi.kit.money.IsoCurrency;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a benchmark run does, from its command line ({@code --name=value}; see {@link #USAGE} for the defaults).
 *
 * @param cardService card-service's base URL
 * @param bootstrapServers the broker, for the transport floor
 * @param cards how many funded cards the authorizations are spread over
 * @param currency the cards' currency
 * @param rates the offered rates of the pipeline's steps, per second, in the order they run
 * @param jitWarmup unrecorded time the pipeline runs, ramping up to the first step's rate, before anything is measured,
 *     so that the JIT has compiled the hot path (zero: none)
 * @param warmup unrecorded time at each step's rate before its recorded part, and before the floor's
 * @param duration recorded length of each step
 * @param floorRate the transport floor's offered rate
 * @param floorDuration recorded length of the floor
 * @param maxInFlight authorizations outstanding at once; one due while this many are out is dropped, and counted
 * @param setupConcurrency REST calls at once while creating the cards
 * @param output where the JSON report is written
 */
record BenchOptions(URI cardService, String bootstrapServers, int cards, IsoCurrency currency, List<Integer> rates,
    Duration jitWarmup, Duration warmup, Duration duration, int floorRate, Duration floorDuration, int maxInFlight, int setupConcurrency,
    Path output) {

  static final String USAGE = """
      Usage: ./kadi bench [--name=value ...]

        --card-service=URL         card-service's base URL (default http://localhost:8081)
        --bootstrap-servers=HOSTS  the stack's broker, for the transport floor (default localhost:9092)
        --cards=N                  funded cards to spread the authorizations over (default 1000)
        --currency=CODE            the cards' currency (default NGN)
        --rates=R1,R2,...          offered rates of the pipeline steps, per second (default 200,500,1000,1500,2000)
        --jit-warmup=TIME          unrecorded run of the pipeline before anything is measured, a third of it at
                                   each of 1/4, 1/2 and 3/4 of the first step's rate, so that the JIT has
                                   compiled the hot path (default 90s; 0s for none)
        --warmup=TIME              unrecorded warm-up at each step's rate, and before the floor (default 5s)
        --duration=TIME            recorded length of each step (default 20s)
        --floor-rate=R             the transport floor's offered rate (default: the first step's rate)
        --floor-duration=TIME      recorded length of the floor (default: --duration)
        --max-in-flight=N          authorizations outstanding at once; one due while N are out is dropped,
                                   and counted (default 2000)
        --setup-concurrency=N      REST calls at once while creating the cards (default 16)
        --output=FILE              the JSON report (default target/bench/bench-<UTC time>.json)
        --help                     this text

      TIME is a number with a unit: 500ms, 20s, 2m.
      """;

  private static final Set<String> NAMES = Set.of("card-service", "bootstrap-servers", "cards", "currency", "rates",
      "jit-warmup", "warmup", "duration", "floor-rate", "floor-duration", "max-in-flight", "setup-concurrency", "output");
  private static final Pattern OPTION = Pattern.compile("--([a-z-]+)=(.*)");
  private static final Pattern TIME = Pattern.compile("(\\d+)(ms|s|m)");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** The options given, the defaults for the rest; {@code now} names the default output file. */
  static BenchOptions parse(List<String> args, Instant now) {
    Map<String, String> given = new HashMap<>();
    for (String arg : args) {
      Matcher option = OPTION.matcher(arg);
      if (!option.matches() || !NAMES.contains(option.group(1))) {
        throw new IllegalArgumentException("Unknown option: " + arg);
      }
      given.put(option.group(1), option.group(2)); // the last one given wins, as in most tools
    }
    List<Integer> rates = given.containsKey("rates")
        ? Arrays.stream(given.get("rates").split(",", -1)).map(rate -> positive("rates", rate)).toList()
        : List.of(200, 500, 1000, 1500, 2000);
    Duration duration = time("duration", given.getOrDefault("duration", "20s"));
    String currency = given.getOrDefault("currency", "NGN");
    return new BenchOptions(
        uri(given.getOrDefault("card-service", "http://localhost:8081")),
        nonBlank("bootstrap-servers", given.getOrDefault("bootstrap-servers", "localhost:9092")),
        positive("cards", given.getOrDefault("cards", "1000")),
        IsoCurrency.of(currency).orElseThrow(() -> new IllegalArgumentException(
            "--currency: " + currency + " is not a currency Kadi issues cards in")),
        rates,
        time("jit-warmup", given.getOrDefault("jit-warmup", "90s")),
        time("warmup", given.getOrDefault("warmup", "5s")),
        duration,
        given.containsKey("floor-rate") ? positive("floor-rate", given.get("floor-rate")) : rates.getFirst(),
        given.containsKey("floor-duration") ? time("floor-duration", given.get("floor-duration")) : duration,
        positive("max-in-flight", given.getOrDefault("max-in-flight", "2000")),
        positive("setup-concurrency", given.getOrDefault("setup-concurrency", "16")),
        Path.of(given.getOrDefault("output", "target/bench/bench-" + STAMP.format(now) + ".json")));
  }

  private static int positive(String name, String value) {
    try {
      int number = Integer.parseInt(value.strip());
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below, with the others
    }
    throw new IllegalArgumentException("--" + name + ": expected a positive whole number, got '" + value + "'");
  }

  private static Duration time(String name, String value) {
    Matcher time = TIME.matcher(value);
    if (time.matches()) {
      long amount = Long.parseLong(time.group(1));
      Duration parsed = switch (time.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        default -> Duration.ofMinutes(amount);
      };
      if (parsed.isPositive() || name.endsWith("warmup")) {
        return parsed;
      }
    }
    throw new IllegalArgumentException("--" + name + ": expected a time such as 500ms, 20s or 2m"
        + (name.endsWith("warmup") ? "" : ", above zero") + ", got '" + value + "'");
  }

  private static URI uri(String value) {
    URI uri;
    try {
      uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
      throw new IllegalArgumentException("--card-service: expected an http(s) URL, got '" + value + "'");
    }
    return uri;
  }

  private static String nonBlank(String name, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException("--" + name + " must not be empty");
    }
    return value;
  }
}
