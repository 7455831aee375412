/**
 * The search quality set: each query with a verbatim phrase of the passage it must return first.
 * Three kinds, as people use the bot: names and terms, the same with typos, and natural questions.
 */
export interface QualityCase {
  query: string;
  kind: "name" | "typo" | "question";
  /** A phrase of the passage that must rank first. */
  expect: string;
}

export const qualitySet: QualityCase[] = [
  { kind: "name", query: "minsk", expect: "Minsk accords" },
  { kind: "name", query: "istanbul", expect: "Istanbul Communiqué" },
  { kind: "name", query: "bucha", expect: "atrocities in Bucha" },
  { kind: "name", query: "mearsheimer", expect: "Mearsheimer (2014)" },
  { kind: "name", query: "kofman", expect: "Kofman, 2023" },
  { kind: "name", query: "sakwa", expect: "Sakwa (2023)" },
  { kind: "name", query: "grain deal", expect: "grain deal brokered" },
  { kind: "name", query: "denazification", expect: "denazification" },
  { kind: "name", query: "armistice", expect: "Korea-style armistice" },
  { kind: "name", query: "donbas", expect: "frozen conflict like Donbas" },
  { kind: "name", query: "nato", expect: "NATO expansion" },
  { kind: "name", query: "china peace plan", expect: "China’s 2023 peace plan" },
  { kind: "name", query: "annexation", expect: "annexation of four regions" },
  { kind: "name", query: "belarus", expect: "Early talks in Belarus" },
  { kind: "name", query: "mobilization", expect: "subsequent mobilization" },
  { kind: "name", query: "reuters", expect: "(Reuters, 2023)" },
  { kind: "name", query: "financial times", expect: "(Financial Times, 2023)" },
  { kind: "name", query: "ISW", expect: "(ISW, 2022)" },
  { kind: "name", query: "constitution", expect: "constitution forbids" },
  { kind: "name", query: "proxy war", expect: "proxy war" },
  { kind: "name", query: "chatham house", expect: "(Wilson, 2022)" },
  { kind: "name", query: "foreign affairs", expect: "Mearsheimer (2014)" },
  { kind: "name", query: "U.S.", expect: "military support for Ukraine" },
  { kind: "typo", query: "minks", expect: "Minsk accords" },
  { kind: "typo", query: "istambul", expect: "Istanbul Communiqué" },
  { kind: "typo", query: "mershimer", expect: "Mearsheimer (2014)" },
  { kind: "typo", query: "denazifcation", expect: "denazification" },
  { kind: "typo", query: "armstice", expect: "Korea-style armistice" },
  { kind: "typo", query: "bucah", expect: "atrocities in Bucha" },
  { kind: "typo", query: "kofmann", expect: "Kofman, 2023" },
  { kind: "typo", query: "sakva", expect: "Sakwa (2023)" },
  { kind: "typo", query: "mobilisation", expect: "subsequent mobilization" },
  { kind: "typo", query: "neutrallity", expect: "proposing neutrality" },
  { kind: "typo", query: "atrocites", expect: "atrocities in Bucha" },
  { kind: "typo", query: "brinkmanshp", expect: "geopolitical brinkmanship" },
  { kind: "typo", query: "istanbul communique", expect: "Istanbul Communiqué" },
  { kind: "typo", query: "grian deal", expect: "grain deal brokered" },
  { kind: "typo", query: "donbass", expect: "frozen conflict like Donbas" },
  { kind: "question", query: "Why did the early talks fail?", expect: "derailed these efforts" },
  // The developers' guide's own example. The talks in question were held in Turkey (Istanbul): the passage
  // that answers is the one about them, not the introduction under the essay's title.
  { kind: "question", query: "why did the Istanbul talks fail", expect: "derailed these efforts" },
  { kind: "question", query: "why did the talks in Turkey collapse", expect: "derailed these efforts" },
  { kind: "question", query: "Who brokered the grain deal?", expect: "grain deal brokered by Turkey and the UN" },
  { kind: "question", query: "Why can't Ukraine give up land?", expect: "constitution forbids ceding land" },
  { kind: "question", query: "What does Mearsheimer argue?", expect: "NATO expansion created an existential security dilemma" },
  { kind: "question", query: "What is the thesis?", expect: "Despite intermittent diplomatic overtures" },
  { kind: "question", query: "What enforcement mechanisms are missing?", expect: "absence of credible enforcement mechanisms" },
  { kind: "question", query: "Which mediators tried to broker ceasefires?", expect: "international mediators including Turkey" },
  { kind: "question", query: "What happens if diplomacy fails?", expect: "if diplomacy fails" },
  { kind: "question", query: "How has Western military support affected the war?", expect: "military support for Ukraine" },
  { kind: "question", query: "Why does Kyiv reject China's peace plan?", expect: "dismissed as pro-Russian by Kyiv" },
  { kind: "question", query: "What did Putin do in September 2022?", expect: "annexation of four regions" },
  { kind: "question", query: "What is Moscow demanding?", expect: "maximalist demands" },
  { kind: "question", query: "Why won't Ukraine negotiate under coercion?", expect: "refuses to negotiate under military coercion" },
  { kind: "question", query: "Can negotiations succeed without battlefield changes?", expect: "Without significant battlefield changes" },
  { kind: "question", query: "Which agreements has Russia violated?", expect: "violated multiple agreements" },
  { kind: "question", query: "When did the war escalate into full-scale conflict?", expect: "escalated into full-scale conflict" },
  { kind: "question", query: "Is there a neutral arbiter?", expect: "neutral arbiter" },
  { kind: "question", query: "What is the role of the US?", expect: "military support for Ukraine" },
  { kind: "question", query: "What are the obstacles to peace?", expect: "structural obstacles to peace" },
  { kind: "question", query: "What did China propose?", expect: "China’s 2023 peace plan" },
  { kind: "question", query: "What is the trust deficit?", expect: "absence of credible enforcement mechanisms" },
  { kind: "question", query: "What was Ukraine offering in exchange for security guarantees?", expect: "neutrality in exchange for security guarantees" },
];
