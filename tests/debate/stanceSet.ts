/**
 * The judged stance set: claims written by reading each essay as a debate coach would, not copied from its
 * wording, with the sentences that cut against each claim and those that support it, located by a verbatim
 * phrase of the sentence. A sentence in neither list is judged off the point for that claim.
 *
 * `heldOut` claims were written with the rest but kept out of sight while the stance rules were built; they
 * are scored separately, as a check that the rules were not tuned to the examples.
 */
export const SEED = "knowledge";
export const SECOND = "tests/fixtures/stance";

export interface JudgedClaim {
  folder: string;
  claim: string;
  against: string[];
  supports: string[];
  heldOut?: boolean;
}

export interface UnaddressedClaim {
  folder: string;
  claim: string;
  /** Words the reply must name as not discussed (at least one of them). */
  missing: string[];
  heldOut?: boolean;
}

/** For a motion (located by a phrase of its wording), which sentences may stand on each side. */
export interface JudgedMotion {
  folder: string;
  motion: string;
  proposition: string[];
  opposition: string[];
  /** On the Opposition these would argue for the motion, on the Proposition against it: never allowed. */
  notProposition: string[];
  notOpposition: string[];
}

export const judgedClaims: JudgedClaim[] = [
  // The seed essay: why the peace talks stall.
  {
    folder: SEED,
    claim: "Russia is negotiating in good faith.",
    against: ["accusing the other of bad faith", "Russia has violated multiple agreements", "designed to subjugate Ukraine", "Russia shows no willingness", "commitment to protracted conflict"],
    supports: ["Russia suggesting troop withdrawals"],
  },
  {
    folder: SEED,
    claim: "The peace talks are close to a breakthrough.",
    against: ["peace talks remain deadlocked", "Peace negotiations have repeatedly collapsed", "negotiations will remain performative", "trapped in a cycle of mutual distrust", "have stalled progress", "derailed these efforts"],
    supports: ["briefly raised hopes"],
  },
  {
    folder: SEED,
    claim: "NATO expansion is the main reason a compromise is so hard to reach.",
    against: ["designed to subjugate Ukraine"],
    supports: ["NATO expansion created an existential security dilemma"],
  },
  {
    folder: SEED,
    claim: "Moscow's territorial ambitions, rather than Western policy, are the real obstacle to peace.",
    against: ["NATO expansion created an existential security dilemma", "entrenched Russia’s perception of a proxy war"],
    supports: ["designed to subjugate Ukraine", "commitment to protracted conflict", "Russia shows no willingness"],
  },
  {
    folder: SEED,
    claim: "Ukraine should give up territory in exchange for peace.",
    against: ["constitution forbids ceding land", "insistence on reclaiming all occupied territories", "refuses to negotiate under military coercion"],
    supports: [],
  },
  {
    folder: SEED,
    claim: "Western military aid has done nothing for Ukraine.",
    against: ["has prolonged its resistance"],
    supports: [],
  },
  {
    folder: SEED,
    claim: "Mediation by China offers a neutral path to peace.",
    against: ["dismissed as pro-Russian by Kyiv", "lack of a neutral arbiter"],
    supports: [],
  },
  {
    folder: SEED,
    claim: "Even limited cooperation between the two sides has proved impossible.",
    against: ["limited cooperation was possible"],
    supports: [],
  },
  {
    folder: SEED,
    claim: "The early talks in 2022 never achieved anything.",
    against: ["briefly raised hopes"],
    supports: ["derailed these efforts", "Peace negotiations have repeatedly collapsed"],
  },
  {
    folder: SEED,
    claim: "Existing agreements give reliable guarantees that a ceasefire would hold.",
    against: ["absence of credible enforcement mechanisms", "Russia has violated multiple agreements", "trapped in a cycle of mutual distrust", "peace talks remain deadlocked", "have stalled progress"],
    supports: [],
  },
  {
    folder: SEED,
    claim: "Ukraine would negotiate even under military pressure.",
    against: ["refuses to negotiate under military coercion"],
    supports: [],
  },
  {
    folder: SEED,
    claim: "A Korea-style armistice is out of the question.",
    against: ["a Korea-style armistice may be the only viable outcome"],
    supports: ["refuses to negotiate under military coercion", "insistence on reclaiming all occupied territories"],
  },
  {
    folder: SEED,
    claim: "Diplomacy alone, without pressure or battlefield change, can bring a real settlement.",
    against: ["negotiations will remain performative", "peace talks remain deadlocked"],
    supports: [],
    heldOut: true,
  },
  {
    folder: SEED,
    claim: "If talks fail, the war will soon burn itself out.",
    against: ["long-term attritional war", "commitment to protracted conflict"],
    supports: [],
    heldOut: true,
  },
  {
    folder: SEED,
    claim: "Both sides trust each other enough to strike a deal.",
    against: ["trapped in a cycle of mutual distrust", "accusing the other of bad faith", "peace talks remain deadlocked", "absence of credible enforcement mechanisms"],
    supports: [],
    heldOut: true,
  },
  {
    folder: SEED,
    claim: "Moscow welcomes the peace proposals backed by the West.",
    against: ["Moscow rejects Western-backed proposals as biased"],
    supports: [],
    heldOut: true,
  },
  {
    folder: SEED,
    claim: "International mediators have made steady progress towards a ceasefire.",
    against: ["have stalled progress", "Peace negotiations have repeatedly collapsed", "peace talks remain deadlocked"],
    supports: [],
    heldOut: true,
  },

  // The second essay: the case for congestion pricing, with its critics.
  {
    folder: SECOND,
    claim: "Congestion charges do not reduce traffic.",
    against: ["traffic across the cordon fell by around a fifth", "cut the number of cars entering the central zone", "saw the emptier streets", "adjusts the rates every quarter", "the only tool that reliably cuts congestion"],
    supports: ["congestion in London later crept back", "pushed onto the streets just outside the cordon"],
  },
  {
    folder: SECOND,
    claim: "Road pricing hurts people on low incomes most.",
    against: ["they gain from faster buses more than they lose to the fee"],
    supports: ["congestion charges are regressive", "simply taxes people who have no other choice"],
  },
  {
    folder: SECOND,
    claim: "A congestion charge will ruin the shops in the city centre.",
    against: ["found no lasting fall in retail sales"],
    supports: ["Shopkeepers often fear"],
  },
  {
    folder: SECOND,
    claim: "Charging drivers works even where public transport is poor.",
    against: ["A charge cannot work without good alternatives to the car", "simply taxes people who have no other choice", "must be introduced together with better public transport"],
    supports: [],
  },
  {
    folder: SECOND,
    claim: "Voters will always reject a congestion charge.",
    against: ["voters kept the charge in a referendum"],
    supports: ["rejected by voters in 2005"],
  },
  {
    folder: SECOND,
    claim: "Building more roads is the best way to end traffic jams.",
    against: ["the queues return within a few years", "the only tool that reliably cuts congestion"],
    supports: [],
  },
  {
    folder: SECOND,
    claim: "The money raised by a charge is wasted.",
    against: ["raises money that can be spent where it helps most", "the revenue should go to buses and rail", "a steady source of transport funding"],
    supports: [],
  },
  {
    folder: SECOND,
    claim: "Cities should wait before introducing congestion pricing.",
    against: ["Delaying the decision will only leave the streets as crowded", "should adopt it", "cities should charge drivers for entering"],
    supports: ["A charge cannot work without good alternatives to the car", "simply taxes people who have no other choice"],
  },
  {
    folder: SECOND,
    claim: "Delivery firms lose out under a congestion charge.",
    against: ["each van can make more deliveries in a day"],
    supports: [],
  },
  {
    folder: SECOND,
    claim: "The gains from London's charge have lasted.",
    against: ["congestion in London later crept back"],
    supports: [],
  },
  {
    folder: SECOND,
    claim: "A cordon charge causes no problems beyond its boundary.",
    against: ["pushed onto the streets just outside the cordon"],
    supports: [],
  },
  {
    folder: SECOND,
    claim: "Congestion pricing will solve every problem a city has.",
    against: ["not a cure for every urban ill", "A charge cannot work without good alternatives to the car"],
    supports: [],
  },
  {
    folder: SECOND,
    claim: "The critics of congestion charging have no valid objections.",
    against: ["The objections raised by its critics are real"],
    supports: [],
    heldOut: true,
  },
  {
    folder: SECOND,
    claim: "Disabled drivers will be hit hardest by a charge.",
    against: ["Exemptions for disabled drivers"],
    supports: [],
    heldOut: true,
  },
  {
    folder: SECOND,
    claim: "Singapore gave up on road pricing long ago.",
    against: ["Singapore has priced its roads since 1975"],
    supports: [],
    heldOut: true,
  },
  {
    folder: SECOND,
    claim: "A charge can succeed without public trust.",
    against: ["a charge imposed without public trust will fail"],
    supports: [],
    heldOut: true,
  },
];

export const unaddressedClaims: UnaddressedClaim[] = [
  { folder: SEED, claim: "Sanctions will end the war.", missing: ["sanctions"] },
  { folder: SEED, claim: "Energy prices caused the invasion.", missing: ["energy", "prices", "invasion"] },
  { folder: SEED, claim: "Crimea's population wants to rejoin Russia.", missing: ["crimea", "population"] },
  { folder: SEED, claim: "Cyber attacks decided the outcome of the war.", missing: ["cyber", "attacks"], heldOut: true },
  { folder: SECOND, claim: "Cycling lanes make cities healthier.", missing: ["cycling", "lanes"] },
  { folder: SECOND, claim: "Remote working will empty office towers.", missing: ["remote", "office", "towers"] },
  { folder: SECOND, claim: "Petrol prices should be frozen.", missing: ["petrol"] },
  { folder: SECOND, claim: "Tourists should pay a hotel tax.", missing: ["tourists", "hotel"], heldOut: true },
];
