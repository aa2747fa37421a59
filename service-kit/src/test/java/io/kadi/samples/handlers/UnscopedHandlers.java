package io.kadi.samples.handlers;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Every kind of handler, none naming its scope. */
public class UnscopedHandlers {

  @RequestMapping("/any") public void any() {}
  @GetMapping public void get() {}
  @PostMapping public void post() {}
  @PutMapping public void put() {}
  @DeleteMapping public void delete() {}
  @PatchMapping public void patch() {}
}
