/**
 * What kind of answer a question wants, read from how it opens: a time ("when …") or a quantity ("how many
 * …"). A passage without a date cannot answer "When was it founded?", however many of its words it shares.
 */
export type AnswerType = "time" | "quantity";

const TIME_QUESTION = /^(?:when|since when|what (?:year|date|month|day)|in (?:what|which) (?:year|month))\b/i;
const QUANTITY_QUESTION = /^(?:how (?:many|much)|by how much|what (?:share|proportion|percentage|fraction) of)\b/i;

const MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december";
const TIME_EXPRESSION = new RegExp(
  String.raw`\b(?:1[5-9]\d\d|20\d\d|${MONTHS}|spring|summer|autumn|winter|centur(?:y|ies)|decades?|years?|months?|weeks?|days?|since|until|ago|today|now|then|once|after|before|during)\b`,
  "i",
);
const NUMBER_WORDS =
  "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds?|" +
  "thousands?|millions?|billions?|dozens?|half|third|quarter|fifth|tenth|percent|per cent|several|many|few|most|" +
  "majority|minority|zero|none|all|double|doubled|halved|fraction|share";
/** A number that is not a year, or a word for an amount. */
const QUANTITY_EXPRESSION = new RegExp(String.raw`(?<![\d.])(?!(?:1[5-9]|20)\d\d\b)\d[\d,.]*|%|\b(?:${NUMBER_WORDS})\b`, "i");

export function answerTypeOf(question: string): AnswerType | null {
  const opening = question.trim();
  if (TIME_QUESTION.test(opening)) return "time";
  if (QUANTITY_QUESTION.test(opening)) return "quantity";
  return null;
}

/** Whether a text (without its citations, whose years are no answer) holds the kind of thing asked for. */
export function holdsAnswerType(text: string, type: AnswerType): boolean {
  return (type === "time" ? TIME_EXPRESSION : QUANTITY_EXPRESSION).test(text);
}
