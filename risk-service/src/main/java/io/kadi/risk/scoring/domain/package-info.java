/** Features, rules, scores and actions, in plain Java: pure functions of an authorization and its card's history. */
package io.kadi.risk.scoring.domain;
