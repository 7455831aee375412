import type { Person } from "../../shared/people.js";

export interface Teams {
  proposition: Person[];
  opposition: Person[];
  /** Who speaks when: Proposition and Opposition alternate, Proposition first. */
  speakingOrder: Array<{ person: Person; side: "Proposition" | "Opposition" }>;
}

/**
 * A fair split: a Fisher-Yates shuffle, then the first half (rounded up) proposes. `random` returns [0, 1)
 * like Math.random, injectable so tests can pin the draw.
 */
export function splitTeams(people: readonly Person[], random: () => number): Teams {
  const shuffled = [...people];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const half = Math.ceil(shuffled.length / 2);
  const proposition = shuffled.slice(0, half);
  const opposition = shuffled.slice(half);
  const speakingOrder: Teams["speakingOrder"] = [];
  for (let i = 0; i < half; i++) {
    speakingOrder.push({ person: proposition[i]!, side: "Proposition" });
    if (opposition[i]) speakingOrder.push({ person: opposition[i]!, side: "Opposition" });
  }
  return { proposition, opposition, speakingOrder };
}
