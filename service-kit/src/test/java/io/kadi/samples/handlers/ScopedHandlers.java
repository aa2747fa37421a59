package io.kadi.samples.handlers;

import io.kadi.kit.security.RequiresScope;
import io.kadi.kit.security.Scopes;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Every kind of handler, each naming its scope, and a method that is no handler and needs none. */
@RequestMapping("/scoped")
public class ScopedHandlers {

  @RequestMapping("/any") @RequiresScope(Scopes.CARDS_READ) public void any() {}
  @GetMapping @RequiresScope(Scopes.CARDS_READ) public void get() {}
  @PostMapping @RequiresScope(Scopes.CARDS_ISSUE) public void post() {}
  @PutMapping @RequiresScope(Scopes.SPENDING_CONTROLS_WRITE) public void put() {}
  @DeleteMapping @RequiresScope(Scopes.KEYS_WRITE) public void delete() {}
  @PatchMapping @RequiresScope(Scopes.KEYS_WRITE) public void patch() {}

  public void helper() {}
}
