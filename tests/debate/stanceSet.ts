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

// Seed sentences by locator, for the motion judgements below.
const S = {
  collapsed: "Peace negotiations have repeatedly collapsed",
  mediators: "international mediators including Turkey",
  thesis: "peace talks remain deadlocked",
  hopes: "briefly raised hopes",
  derailed: "derailed these efforts",
  grain: "limited cooperation was possible",
  nato: "NATO expansion created an existential security dilemma",
  demands: "designed to subjugate Ukraine",
  enforcement: "absence of credible enforcement mechanisms",
  violated: "Russia has violated multiple agreements",
  refuses: "refuses to negotiate under military coercion",
  dismissed: "dismissed as pro-Russian by Kyiv",
  arbiter: "lack of a neutral arbiter",
  support: "has prolonged its resistance",
  annexation: "commitment to protracted conflict",
  reclaiming: "insistence on reclaiming all occupied territories",
  armistice: "Korea-style armistice",
  distrust: "trapped in a cycle of mutual distrust",
  performative: "negotiations will remain performative",
  attrition: "long-term attritional war",
};
// The second essay's sentences.
const C = {
  queues: "the queues return within a few years",
  thesis: "cities should charge drivers for entering",
  objections: "The objections raised by its critics are real",
  stockholm: "traffic across the cordon fell by around a fifth",
  referendum: "voters kept the charge in a referendum",
  london: "cut the number of cars entering the central zone",
  creptBack: "congestion in London later crept back",
  singapore: "Singapore has priced its roads since 1975",
  money: "raises money that can be spent where it helps most",
  revenue: "the revenue should go to buses and rail",
  regressive: "congestion charges are regressive",
  gain: "they gain from faster buses more than they lose to the fee",
  exemptions: "Exemptions for disabled drivers",
  shopkeepers: "Shopkeepers often fear",
  retail: "found no lasting fall in retail sales",
  freight: "each van can make more deliveries in a day",
  alternatives: "A charge cannot work without good alternatives to the car",
  noChoice: "simply taxes people who have no other choice",
  cordon: "pushed onto the streets just outside the cordon",
  edinburgh: "rejected by voters in 2005",
  cure: "not a cure for every urban ill",
  adopt: "should adopt it",
  delaying: "Delaying the decision will only leave the streets as crowded",
};

/**
 * Every motion /debate offers on the two essays (curated ones from the topic files, and the ones derived from
 * the text), with the sentences that may stand on each side and those that never may. A sentence in none of
 * the four lists is off the motion's subject.
 */
export const judgedMotions: JudgedMotion[] = [
  {
    folder: SEED,
    motion: "NATO expansion, more than Moscow's war aims",
    proposition: [S.nato, S.support],
    opposition: [S.demands, S.annexation, S.armistice, S.reclaiming],
    notProposition: [S.demands, S.annexation],
    notOpposition: [S.nato, S.support],
  },
  {
    folder: SEED,
    motion: "narrow deals like the grain deal",
    proposition: [S.grain, S.hopes],
    opposition: [S.collapsed, S.mediators, S.thesis, S.distrust, S.performative, S.derailed],
    notProposition: [S.collapsed, S.mediators, S.thesis, S.distrust, S.performative],
    notOpposition: [S.grain],
  },
  {
    folder: SEED,
    motion: "without enforcement mechanisms no agreement with Russia can be trusted",
    proposition: [S.enforcement, S.violated, S.arbiter, S.distrust, S.thesis, S.collapsed, S.performative],
    opposition: [S.hopes, S.armistice, S.grain],
    notProposition: [S.hopes, S.grain],
    notOpposition: [S.enforcement, S.violated, S.distrust, S.arbiter, S.thesis],
  },
  {
    folder: SEED,
    motion: "Ukraine should accept a Korea-style armistice",
    proposition: [S.armistice, S.attrition, S.annexation, S.performative],
    opposition: [S.refuses, S.reclaiming],
    notProposition: [S.refuses, S.reclaiming],
    notOpposition: [S.armistice],
  },
  {
    folder: SEED,
    motion: "peace talks remain deadlocked due to irreconcilable war aims",
    proposition: [S.thesis, S.collapsed, S.mediators, S.demands, S.violated, S.refuses, S.dismissed, S.support, S.annexation, S.reclaiming, S.armistice, S.distrust, S.performative, S.enforcement, S.arbiter, S.derailed, S.nato],
    opposition: [S.hopes, S.grain],
    notProposition: [S.hopes],
    notOpposition: [S.demands, S.violated, S.refuses, S.dismissed, S.support, S.distrust, S.performative, S.thesis],
  },
  {
    folder: SEED,
    motion: "negotiations will remain performative rather than substantive",
    proposition: [S.performative, S.thesis, S.distrust, S.dismissed, S.demands, S.violated, S.arbiter, S.enforcement, S.annexation, S.collapsed, S.refuses, S.reclaiming, S.mediators],
    opposition: [S.hopes, S.grain, S.armistice],
    notProposition: [S.hopes, S.grain],
    notOpposition: [S.thesis, S.distrust, S.performative],
  },
  {
    folder: SECOND,
    motion: "congestion charges hurt the poor more than they help them",
    proposition: [C.regressive, C.noChoice],
    opposition: [C.gain, C.exemptions, C.money, C.revenue],
    notProposition: [C.gain, C.exemptions],
    notOpposition: [C.regressive, C.noChoice],
  },
  {
    folder: SECOND,
    motion: "build public transport first and charge drivers only afterwards",
    proposition: [C.alternatives, C.noChoice, C.cure, C.regressive, C.edinburgh],
    opposition: [C.delaying, C.adopt, C.thesis, C.stockholm, C.london, C.singapore, C.objections, C.money, C.revenue, C.referendum],
    notProposition: [C.delaying, C.adopt, C.thesis],
    notOpposition: [C.alternatives, C.noChoice],
  },
  {
    folder: SECOND,
    motion: "cities should charge drivers for entering their most crowded districts",
    proposition: [C.thesis, C.objections, C.stockholm, C.referendum, C.london, C.singapore, C.money, C.revenue, C.gain, C.retail, C.freight, C.adopt, C.delaying, C.cure, C.exemptions],
    opposition: [C.regressive, C.shopkeepers, C.alternatives, C.noChoice, C.cordon, C.edinburgh, C.creptBack],
    notProposition: [C.regressive, C.cordon, C.shopkeepers, C.noChoice],
    notOpposition: [C.stockholm, C.london, C.adopt, C.delaying, C.thesis],
  },
  {
    folder: SECOND,
    motion: "a charge will drive customers to out-of-town retail parks",
    proposition: [C.shopkeepers],
    opposition: [C.retail, C.freight],
    notProposition: [C.retail],
    notOpposition: [C.shopkeepers],
  },
  {
    folder: SECOND,
    motion: "the revenue should go to buses and rail",
    proposition: [C.revenue, C.money, C.adopt, C.thesis, C.gain, C.alternatives],
    opposition: [],
    notProposition: [],
    notOpposition: [C.revenue, C.money, C.adopt],
  },
  {
    folder: SECOND,
    motion: "traffic may be pushed onto the streets just outside the cordon",
    proposition: [C.cordon, C.creptBack],
    opposition: [C.stockholm],
    notProposition: [],
    notOpposition: [C.cordon],
  },
  {
    folder: SECOND,
    motion: "congestion pricing is not a cure for every urban ill",
    proposition: [C.cure, C.alternatives, C.noChoice, C.thesis, C.adopt, C.delaying, C.stockholm, C.london, C.objections],
    opposition: [C.regressive, C.cordon],
    notProposition: [],
    notOpposition: [C.cure, C.alternatives],
  },
];
