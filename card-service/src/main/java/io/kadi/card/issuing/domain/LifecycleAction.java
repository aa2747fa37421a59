package io.kadi.card.issuing.domain;

/** What can be done to a card's status. */
public enum LifecycleAction {
  FREEZE("frozen"),
  UNFREEZE("unfrozen"),
  TERMINATE("terminated");

  private final String pastParticiple;

  LifecycleAction(String pastParticiple) {
    this.pastParticiple = pastParticiple;
  }

  /** "frozen", for messages such as "A card that is active cannot be unfrozen." */
  public String pastParticiple() {
    return pastParticiple;
  }
}
