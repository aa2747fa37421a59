package io.kadi.kit.testapp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** Named gates a handler waits at until the test opens them, so that a test controls when a request completes. */
@Component
public class Gates {

  /** Long enough for any test; short enough that a test that forgets to open a gate fails instead of hanging. */
  private static final long MAX_WAIT_SECONDS = 30;

  private final Map<String, Gate> gates = new ConcurrentHashMap<>();

  /** How many handlers have arrived at the gate. */
  public int arrivals(String name) {
    return gate(name).arrivals().get();
  }

  public void open(String name) {
    gate(name).opened().countDown();
  }

  void pass(String name) throws InterruptedException {
    Gate gate = gate(name);
    gate.arrivals().incrementAndGet();
    if (!gate.opened().await(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
      throw new IllegalStateException("Gate " + name + " was never opened");
    }
  }

  private Gate gate(String name) {
    return gates.computeIfAbsent(name, ignored -> new Gate(new AtomicInteger(), new CountDownLatch(1)));
  }

  private record Gate(AtomicInteger arrivals, CountDownLatch opened) {}
}
