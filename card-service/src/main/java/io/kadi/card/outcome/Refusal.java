package io.kadi.card.outcome;

/** Why an operation was refused: a stable code, and a sentence for people. */
public record Refusal(RefusalCode code, String detail) {}
