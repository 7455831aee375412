/**
 * The judged question set: questions a reader would ask after reading each essay, written from the text's
 * meaning rather than its wording, with the passages that answer them marked by a short verbatim phrase of
 * each (a stable locator: it survives re-numbering of passages). A result is right when its passage contains
 * any of the phrases. Questions without `expect` are ones the essay cannot answer: the bot must mark them
 * `weak` or `none`.
 *
 * Every fifth question (by position) is held out: `npm run bench` reports it apart, and the ranking is not
 * tuned on it, so it shows whether a change generalises or only fits the questions it was tuned on.
 *
 * The second document, `tests/fixtures/judged/car-free-city-centres.md`, was written for this set: another
 * subject, Markdown with paragraphs, parenthetical and narrative citations (one by an organisation) and a
 * reference list with the problems real essays have (an entry with no title or venue, a source cited but not
 * listed). Its authors and publications are invented; the places and schemes are real, the figures
 * illustrative. It lives outside `knowledge/` so the bot serves only the seed by default (and nothing else may
 * sit in its folder: every `.md` there is loaded as a document).
 */
export type JudgedKind = "paraphrase" | "alias" | "yes-no" | "essay" | "unanswerable";

export interface JudgedQuestion {
  question: string;
  /** Which document the question is asked of (`document:` on /ask). */
  document: JudgedDocument;
  kind: JudgedKind;
  /** Verbatim phrases, one from each passage that answers the question; absent when nothing does. */
  expect?: string[];
}

export type JudgedDocument = "russia-ukraine-peace-talks" | "car-free-city-centres";

/** The folders the judged documents load from: the seed, and a second essay written for this set. */
export const JUDGED_FOLDERS = ["knowledge", "tests/fixtures/judged"] as const;

const SEED: JudgedDocument = "russia-ukraine-peace-talks";
const CITIES: JudgedDocument = "car-free-city-centres";

const SEED_CONCLUSION = [
  "peace process is trapped in a cycle",
  "negotiations will remain performative",
  "if diplomacy fails, the conflict may settle",
];
const SEED_THESIS = ["peace talks remain deadlocked due to irreconcilable war aims"];
const CITIES_THESIS = ["This essay argues that car-free centres deliver real gains"];
const CITIES_CONCLUSION = [
  "Car-free centres are not a cure for every urban ill",
  "The cities that have made them work moved slowly",
  "closing the centre to cars is among the cheapest ways",
];

const questions: Array<Omit<JudgedQuestion, "document"> & { document?: JudgedDocument }> = [
  // ---- The seed essay -------------------------------------------------------------------------------
  { kind: "paraphrase", question: "What ended the hopes raised by the first round of negotiations?", expect: ["derailed these efforts"] },
  { kind: "paraphrase", question: "Which countries and organisations have tried to mediate between the two sides?", expect: ["international mediators including Turkey"] },
  { kind: "paraphrase", question: "Why won't Ukraine hold talks while it is being attacked?", expect: ["refuses to negotiate under military coercion"] },
  { kind: "paraphrase", question: "What agreements has Moscow broken in the past?", expect: ["violated multiple agreements"] },
  { kind: "paraphrase", question: "What did Ukraine offer in the spring 2022 talks?", expect: ["neutrality in exchange for security guarantees"] },
  { kind: "paraphrase", question: "Has any deal between the two sides actually worked?", expect: ["limited cooperation was possible"] },
  { kind: "paraphrase", question: "What could become of the war if the talks keep failing?", expect: ["if diplomacy fails, the conflict may settle"] },
  { kind: "paraphrase", question: "How did Putin show he was prepared for a long war?", expect: ["annexation of four regions"] },
  { kind: "paraphrase", question: "What stops Ukraine from trading territory for peace?", expect: ["constitution forbids ceding land", "leaves little room for territorial concessions"] },
  { kind: "paraphrase", question: "According to one scholar, what made compromise so hard for Russia?", expect: ["existential security dilemma"] },
  { kind: "paraphrase", question: "How has Western aid to Ukraine changed the way Russia sees the war?", expect: ["perception of a proxy war"] },
  { kind: "paraphrase", question: "Why are China's proposals distrusted in Ukraine?", expect: ["dismissed as pro-Russian by Kyiv"] },
  { kind: "paraphrase", question: "What is missing to make any agreement stick?", expect: ["absence of credible enforcement mechanisms"] },
  { kind: "paraphrase", question: "What does Ukraine fear a ceasefire would leave behind?", expect: ["frozen conflict like Donbas"] },
  { kind: "paraphrase", question: "What is Russia demanding before it will make peace?", expect: ["maximalist demands"] },
  { kind: "paraphrase", question: "What would a long war mean for civilians and the world?", expect: ["devastating humanitarian consequences"] },
  { kind: "paraphrase", question: "When did the fighting turn into an all-out war?", expect: ["escalated into full-scale conflict in February 2022"] },
  { kind: "paraphrase", question: "What would it take for the negotiations to become serious?", expect: ["Without significant battlefield changes or coercive pressure"] },
  { kind: "paraphrase", question: "What disagreements have held up progress toward a settlement?", expect: ["fundamental disagreements over sovereignty", "peace talks remain deadlocked"] },
  { kind: "paraphrase", question: "Why do Moscow's opponents think its demands are not about peace?", expect: ["designed to subjugate Ukraine"] },

  { kind: "alias", question: "What did Kiev make of Beijing's peace plan?", expect: ["dismissed as pro-Russian by Kyiv"] },
  { kind: "alias", question: "What role did Ankara play in the grain agreement?", expect: ["grain deal brokered by Turkey"] },
  { kind: "alias", question: "What did the Kremlin do in September 2022?", expect: ["annexation of four regions"] },
  { kind: "alias", question: "How has American military aid affected the war?", expect: ["military support for Ukraine has prolonged"] },
  { kind: "alias", question: "What has the European Union's backing done for Ukraine's resistance?", expect: ["military support for Ukraine has prolonged"] },
  { kind: "alias", question: "What did the United Nations help to arrange?", expect: ["grain deal brokered by Turkey and the UN", "international mediators including Turkey"] },
  { kind: "alias", question: "Why does the Atlantic alliance's growth matter, according to Mearsheimer?", expect: ["NATO expansion created"] },
  { kind: "alias", question: "What are the Ukrainians afraid of in the Donbass?", expect: ["frozen conflict like Donbas"] },
  { kind: "alias", question: "Which earlier peace deals did the Russians ignore?", expect: ["violated multiple agreements"] },
  { kind: "alias", question: "What happened to the Istanbul communique?", expect: ["2022 Istanbul Communiqué"] },

  { kind: "yes-no", question: "Did the talks in Belarus succeed?", expect: ["derailed these efforts"] },
  { kind: "yes-no", question: "Is Russia willing to give back the land it has taken?", expect: ["no willingness to relinquish gains"] },
  { kind: "yes-no", question: "Has the grain deal shown that the two sides can cooperate?", expect: ["limited cooperation was possible"] },
  { kind: "yes-no", question: "Does Ukraine's constitution allow it to give up territory?", expect: ["constitution forbids ceding land"] },
  { kind: "yes-no", question: "Was China's peace plan accepted by Ukraine?", expect: ["dismissed as pro-Russian by Kyiv"] },
  { kind: "yes-no", question: "Is there a neutral mediator both sides trust?", expect: ["lack of a neutral arbiter"] },
  { kind: "yes-no", question: "Did Russia mobilise after annexing the regions?", expect: ["subsequent mobilization"] },
  { kind: "yes-no", question: "Does the author think the current negotiations are sincere?", expect: ["performative rather than substantive"] },
  { kind: "yes-no", question: "Has Russia kept to the agreements it signed?", expect: ["violated multiple agreements"] },
  { kind: "yes-no", question: "Could a ceasefire like the one that ended the Korean War work here?", expect: ["Korea-style armistice"] },

  { kind: "essay", question: "What is the main argument of the essay?", expect: SEED_THESIS },
  { kind: "essay", question: "What does the author conclude?", expect: SEED_CONCLUSION },
  { kind: "essay", question: "Summarise the section on trust", expect: ["absence of credible enforcement mechanisms", "violated multiple agreements", "refuses to negotiate under military coercion", "dismissed as pro-Russian by Kyiv", "lack of a neutral arbiter"] },
  { kind: "essay", question: "Who is Kofman?", expect: ["Kofman, 2023"] },
  { kind: "essay", question: "Who is Mearsheimer?", expect: ["Mearsheimer (2014)"] },
  { kind: "essay", question: "What is the thesis of this essay?", expect: SEED_THESIS },
  { kind: "essay", question: "How does the essay end?", expect: SEED_CONCLUSION },
  { kind: "essay", question: "What is the author's overall point?", expect: SEED_THESIS },
  { kind: "essay", question: "Summarize the part about external actors", expect: ["military support for Ukraine", "annexation of four regions", "Korea-style armistice"] },
  { kind: "essay", question: "Who is Sakwa?", expect: ["Sakwa (2023)"] },

  { kind: "unanswerable", question: "What sanctions have been imposed on Russia?" },
  { kind: "unanswerable", question: "What has the Pope said about the war?" },
  { kind: "unanswerable", question: "Did Trump promise to end the war quickly?" },
  { kind: "unanswerable", question: "What is the population of Crimea?" },
  { kind: "unanswerable", question: "How many soldiers have died so far?" },
  { kind: "unanswerable", question: "What is Zelensky's position on the talks?" },
  { kind: "unanswerable", question: "How much has the war cost the European economy?" },
  { kind: "unanswerable", question: "What part do oil and gas exports play in the conflict?" },
  { kind: "unanswerable", question: "When was NATO founded?" },
  { kind: "unanswerable", question: "What did Erdogan say about the invasion?" },

  // ---- The second essay: car-free city centres (tests/fixtures/judged) ----------------------------------
  { document: CITIES, kind: "paraphrase", question: "What happened to road deaths after Pontevedra took cars out of its centre?", expect: ["Traffic deaths in the town fell to zero"] },
  { document: CITIES, kind: "paraphrase", question: "Why did Pontevedra's scheme work, according to the researcher who studied it?", expect: ["patience of the council"] },
  { document: CITIES, kind: "paraphrase", question: "What did shopkeepers in Oslo complain about?", expect: ["reported falling sales"] },
  { document: CITIES, kind: "paraphrase", question: "How did Oslo help shops that sell heavy goods?", expect: ["loading bays and a delivery service"] },
  { document: CITIES, kind: "paraphrase", question: "How many blocks make up one superblock?", expect: ["nine city blocks into a single unit"] },
  { document: CITIES, kind: "paraphrase", question: "Who is still allowed to drive inside a superblock?", expect: ["limited to residents, deliveries and emergency vehicles"] },
  { document: CITIES, kind: "paraphrase", question: "How many lives could superblocks save?", expect: ["prevent several hundred premature deaths"] },
  { document: CITIES, kind: "paraphrase", question: "What assumption behind the health estimate is disputed?", expect: ["depends on traffic disappearing"] },
  { document: CITIES, kind: "paraphrase", question: "By how much did congestion charging reduce traffic?", expect: ["roughly a fifth within a year"] },
  { document: CITIES, kind: "paraphrase", question: "What can the revenue from road charges pay for?", expect: ["raises money that can be spent on buses"] },
  { document: CITIES, kind: "paraphrase", question: "Why do supporters think charging drivers is fairer than banning them?", expect: ["a charge is fairer than a ban"] },
  { document: CITIES, kind: "paraphrase", question: "How did opinion among Stockholm residents change?", expect: ["public support in Stockholm rose sharply"] },
  { document: CITIES, kind: "paraphrase", question: "What happened to small shops on streets closed to cars?", expect: ["a third of the shops surveyed"] },
  { document: CITIES, kind: "paraphrase", question: "Why are street closures hard on people with disabilities?", expect: ["many disabled residents rely on taxis"] },
  { document: CITIES, kind: "paraphrase", question: "Where does the traffic go when one area is closed to it?", expect: ["can pour into the next", "others simply move to the ring roads"] },
  { document: CITIES, kind: "paraphrase", question: "What do firefighters dislike about the new street layouts?", expect: ["planters and bollards slow them down"] },
  { document: CITIES, kind: "paraphrase", question: "Which groups gain most from the drop in road casualties?", expect: ["children and older pedestrians"] },
  { document: CITIES, kind: "paraphrase", question: "Did fewer people live in Pontevedra's centre after the change?", expect: ["population of the centre grew"] },
  { document: CITIES, kind: "paraphrase", question: "Where did Pontevedra put the cars instead?", expect: ["free underground car parks"] },
  { document: CITIES, kind: "paraphrase", question: "How quickly does air pollution improve once cars are gone?", expect: ["nitrogen dioxide fall quickly"] },

  { document: CITIES, kind: "alias", question: "What does the essay say about NO2 levels?", expect: ["nitrogen dioxide fall quickly", "cutting nitrogen dioxide and noise"] },
  { document: CITIES, kind: "alias", question: "How strict is the WHO guideline now?", expect: ["far stricter guideline"] },
  { document: CITIES, kind: "alias", question: "What did the Galician town start doing in 1999?", expect: ["began removing cars from its medieval core"] },
  { document: CITIES, kind: "alias", question: "What do bans on automobiles do to local shops?", expect: ["a third of the shops surveyed", "reported falling sales"] },
  { document: CITIES, kind: "alias", question: "Did congestion pricing in London cut traffic?", expect: ["roughly a fifth within a year"] },
  { document: CITIES, kind: "alias", question: "What does Whitcombe find?", expect: ["Whitcombe (2019) finds"] },
  { document: CITIES, kind: "alias", question: "Does closing one neighborhood push traffic into poorer ones?", expect: ["the next is often poorer"] },
  { document: CITIES, kind: "alias", question: "Why did pedestrianized streets hurt retailers?", expect: ["a third of the shops surveyed"] },
  { document: CITIES, kind: "alias", question: "What did the Norwegian capital do about parking?", expect: ["removed almost all on-street parking"] },
  { document: CITIES, kind: "alias", question: "When did the first superilla open in Barcelona?", expect: ["first large superblock opened in the Poblenou district"] },

  { document: CITIES, kind: "yes-no", question: "Did Pontevedra ban delivery vans as well?", expect: ["Delivery vans may still enter"] },
  { document: CITIES, kind: "yes-no", question: "Does traffic simply disappear when streets are closed?", expect: ["others simply move to the ring roads", "evidence on traffic evaporation is weaker", "depends on traffic disappearing"] },
  { document: CITIES, kind: "yes-no", question: "Did Oslo ban cars outright?", expect: ["Rather than banning cars outright"] },
  { document: CITIES, kind: "yes-no", question: "Is the evidence on what happens to shop trade clear-cut?", expect: ["evidence on trade remains mixed"] },
  { document: CITIES, kind: "yes-no", question: "Can disabled drivers get exemptions?", expect: ["Blue-badge exemptions exist"] },
  { document: CITIES, kind: "yes-no", question: "Did public backing for the Stockholm scheme grow?", expect: ["public support in Stockholm rose sharply"] },
  { document: CITIES, kind: "yes-no", question: "Can ambulances still get into a superblock?", expect: ["emergency vehicles at walking pace"] },
  { document: CITIES, kind: "yes-no", question: "Is the author against car-free centres?", expect: CITIES_THESIS.concat(CITIES_CONCLUSION) },

  { document: CITIES, kind: "essay", question: "What's the central claim of the essay?", expect: CITIES_THESIS },
  { document: CITIES, kind: "essay", question: "What is the author's conclusion?", expect: CITIES_CONCLUSION },
  { document: CITIES, kind: "essay", question: "Summarise the section on pricing", expect: ["charge drivers rather than exclude them", "congestion charge in 2003", "roughly a fifth within a year", "raises money that can be spent", "a charge is fairer than a ban", "public support in Stockholm"] },
  { document: CITIES, kind: "essay", question: "Who is Okafor?", expect: ["Okafor (2023) reports"] },
  { document: CITIES, kind: "essay", question: "Who is Vidal?", expect: ["(Vidal, 2019)", "Vidal (2019) attributes"] },
  { document: CITIES, kind: "essay", question: "What are the main objections the essay discusses?", expect: ["Critics also point to the shops", "a third of the shops surveyed", "The strongest objection concerns access", "many disabled residents rely on taxis", "A further worry is displacement", "can pour into the next", "planters and bollards"] },
  { document: CITIES, kind: "essay", question: "Give me the gist of the essay", expect: CITIES_THESIS },

  { document: CITIES, kind: "unanswerable", question: "How much does it cost to build a superblock?" },
  { document: CITIES, kind: "unanswerable", question: "What has Paris done about cars?" },
  { document: CITIES, kind: "unanswerable", question: "Are electric vehicles exempt from the bans?" },
  { document: CITIES, kind: "unanswerable", question: "What did the mayor of Oslo say about the plan?" },
  { document: CITIES, kind: "unanswerable", question: "How many parking tickets were issued in Oslo?" },
  { document: CITIES, kind: "unanswerable", question: "How does Tokyo manage its traffic?" },
  { document: CITIES, kind: "unanswerable", question: "Do scooters count as vehicles under the rules?" },
];

export const judgedSet: Array<JudgedQuestion & { heldOut: boolean }> = questions.map((question, index) => ({
  ...question,
  document: question.document ?? SEED,
  heldOut: index % 5 === 4,
}));
