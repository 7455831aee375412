/**
 * Small English word lists the parser and the index lean on. Kept in one place so their purpose is clear:
 * they describe English prose in general, never a particular document.
 */

/** Words that may stand lower-case inside a Title Case heading ("History of Failed Negotiations"). */
export const HEADING_SMALL_WORDS = new Set([
  "a", "an", "the", "of", "and", "or", "nor", "but", "in", "on", "for", "to", "at", "by", "with", "from",
  "into", "vs", "vs.", "versus", "as", "per", "via", "over", "under", "after", "before", "between", "against",
]);

/**
 * Common words that open an English sentence. A run-in heading is only split off where the body starts with
 * one of these (or with a word the document also uses in lower case), so a sentence opening with a
 * capitalised name ("WHO Director-General Margaret Chan said …") is not mistaken for a heading.
 */
export const SENTENCE_OPENERS = new Set([
  "a", "an", "the", "this", "these", "that", "those", "it", "its", "in", "on", "at", "by", "for", "from", "with",
  "without", "despite", "although", "though", "while", "whilst", "when", "whereas", "after", "before", "since",
  "as", "however", "yet", "but", "and", "or", "so", "thus", "hence", "therefore", "moreover", "furthermore",
  "meanwhile", "early", "later", "today", "now", "then", "here", "there", "many", "most", "some", "several",
  "few", "both", "each", "every", "all", "no", "not", "one", "two", "three", "our", "we", "they", "he", "she",
  "i", "you", "what", "why", "how", "who", "where", "which", "if", "unless", "because", "given", "under",
  "over", "across", "between", "among", "following", "amid", "to", "of", "even", "only", "still", "such",
  "other", "another", "more", "less", "much", "first", "second", "third", "finally", "ultimately", "recent",
  "recently", "over", "during", "throughout", "until", "once", "since", "instead", "indeed", "nevertheless",
  "nonetheless", "overall", "in", "beyond", "against", "within", "through", "following", "last", "next",
  "perhaps", "clearly", "initially", "historically", "currently", "critics", "supporters", "analysts",
  "experts", "scholars", "observers", "officials", "few", "little", "any", "none", "neither", "either",
]);

/**
 * One-word headings common in essays and papers. A run-in heading is normally at least two words long, so
 * that a sentence opening with a name is not split; these are the exceptions ("Thesis Despite …").
 */
export const ONE_WORD_HEADINGS = new Set([
  "abstract", "introduction", "background", "context", "thesis", "overview", "summary", "discussion", "analysis",
  "methods", "methodology", "results", "findings", "evidence", "argument", "counterarguments", "recommendations",
  "implications", "limitations", "conclusion", "conclusions", "epilogue", "prologue", "preface", "afterword",
]);

/** Sentence openers that continue the previous sentence's thought, so the two belong in one passage. */
export const CONTINUING_OPENERS = new Set([
  "however", "conversely", "meanwhile", "but", "yet", "nevertheless", "nonetheless", "still", "instead",
  "thus", "hence", "consequently", "accordingly", "otherwise", "likewise", "similarly",
]);

/** Abbreviations after which a full stop does not end a sentence. Lower-cased, without the final dot. */
export const ABBREVIATIONS = new Set([
  "e.g", "i.e", "etc", "vs", "cf", "al", "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "ltd", "co",
  "corp", "gen", "col", "lt", "sgt", "capt", "sen", "rep", "gov", "pres", "no", "nos", "vol", "pp", "p", "fig",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "dept",
  "u.s", "u.k", "u.n", "e.u", "a.m", "p.m",
]);

/**
 * Words too common to search on. A question's "why did the … fail" must rank on "fail", not on "the".
 * Deliberately short: content words (even "peace" or "war") stay searchable.
 */
export const STOP_WORDS = new Set([
  "a", "about", "after", "again", "all", "am", "an", "and", "any", "are", "as", "at", "be", "been", "before",
  "being", "both", "but", "by", "can", "cannot", "can't", "cant", "could", "couldn't", "did", "didn't", "do",
  "does", "doesn't", "doing", "don't", "down", "during", "each", "for", "from", "further", "had", "has",
  "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "isn't",
  "it", "it's", "its", "itself", "just", "me", "more", "most", "my", "no", "nor", "not", "now", "of", "off",
  "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own", "same", "she", "should", "so",
  "some", "such", "than", "that", "the", "their", "theirs", "them", "then", "there", "these", "they", "this",
  "those", "through", "to", "too", "under", "until", "up", "very", "was", "wasn't", "we", "were", "what",
  "when", "where", "which", "while", "who", "whom", "why", "will", "with", "won't", "would", "you", "your",
  "tell", "say", "says", "said", "according", "document", "essay", "author", "s", "t",
]);

/**
 * Words that frame a question rather than name its subject ("what *happened*", "what *role* did … *play*",
 * "what does the author *think*"). They are still searched, but a document that never uses them has not
 * thereby failed to address the question, so they are left out of `unmatched` and of how well a passage
 * covers the question.
 */
export const QUESTION_FRAME_WORDS = new Set([
  "happen", "happens", "happened", "happening", "think", "thinks", "thought", "believe", "believes", "feel", "feels",
  "mean", "means", "meant", "explain", "explains", "describe", "describes", "give", "gives", "gave", "make", "makes",
  "made", "get", "gets", "got", "go", "goes", "went", "know", "knows", "knew", "want", "wants", "thing", "things",
  "way", "ways", "kind", "sort", "lot", "lots", "really", "actually", "exactly", "anything", "something",
  "everything", "someone", "anyone", "role", "part", "play", "plays", "played", "matter", "matters", "view",
  "views", "opinion", "mention", "mentions", "mentioned", "discuss", "discusses", "discussed", "argue", "argues",
  "argued", "argument", "arguments", "claim", "claims", "point", "points", "idea", "ideas", "main", "central",
  "key", "overall", "writer", "article", "paper", "text", "passage", "use", "used", "uses", "many", "will",
  "still", "ever", "yes", "like", "please", "me", "tell", "much",
]);

/**
 * English's irregular inflections, which no suffix rule undoes (`broken` → `break`, `fought` → `fight`,
 * `crises` → `crisis`): so a question's `broken` finds WordNet's "break, violate". Folded forms.
 */
export const IRREGULAR_FORMS: ReadonlyMap<string, string> = new Map(
  (
    "arose arise,arisen arise,ate eat,eaten eat,awoke awake,was be,were be,been be,bore bear,borne bear,beat beat," +
    "became become,began begin,begun begin,bent bend,bound bind,bit bite,bitten bite,bled bleed,blew blow,blown blow," +
    "broke break,broken break,bred breed,brought bring,built build,burnt burn,bought buy,caught catch,chose choose," +
    "chosen choose,came come,cost cost,crept creep,cut cut,dealt deal,dug dig,did do,done do,drew draw,drawn draw," +
    "dreamt dream,drank drink,drunk drink,drove drive,driven drive,fell fall,fallen fall,fed feed,felt feel," +
    "fought fight,found find,fled flee,flew fly,flown fly,forbade forbid,forbidden forbid,forgot forget," +
    "forgotten forget,forgave forgive,forgiven forgive,froze freeze,frozen freeze,got get,gotten get,gave give," +
    "given give,went go,gone go,grew grow,grown grow,hung hang,had have,heard hear,hid hide,hidden hide,held hold," +
    "kept keep,knelt kneel,knew know,known know,laid lay,led lead,leapt leap,learnt learn,left leave,lent lend," +
    "lay lie,lain lie,lit light,lost lose,made make,meant mean,met meet,paid pay,proven prove,quit quit,ran run," +
    "rang ring,rung ring,rode ride,ridden ride,rose rise,risen rise,said say,saw see,seen see,sought seek,sold sell," +
    "sent send,shook shake,shaken shake,shone shine,shot shoot,showed show,shown show,shrank shrink,shrunk shrink," +
    "sang sing,sung sing,sank sink,sunk sink,sat sit,slept sleep,slid slide,spoke speak,spoken speak,spent spend," +
    "spun spin,sprang spring,sprung spring,stood stand,stole steal,stolen steal,stuck stick,stung sting,struck strike," +
    "strove strive,striven strive,swore swear,sworn swear,swept sweep,swam swim,swum swim,swung swing,took take," +
    "taken take,taught teach,tore tear,torn tear,told tell,thought think,threw throw,thrown throw,understood understand," +
    "undertook undertake,undertaken undertake,upheld uphold,woke wake,woken wake,wore wear,worn wear,wove weave," +
    "woven weave,wept weep,won win,withdrew withdraw,withdrawn withdraw,withheld withhold,wrote write,written write," +
    "overthrew overthrow,overthrown overthrow,overtook overtake,overtaken overtake,mistook mistake,mistaken mistake," +
    "children child,people person,men man,women woman,mice mouse,feet foot,teeth tooth,geese goose,criteria criterion," +
    "phenomena phenomenon,data datum,analyses analysis,crises crisis,theses thesis,hypotheses hypothesis,bases basis," +
    "lives life,wives wife,knives knife,halves half,thieves thief,leaves leaf,selves self,better good,best good," +
    "worse bad,worst bad,more many,most many,less little,least little,further far,farther far"
  )
    .split(",")
    .map((pair) => pair.split(" ") as [string, string]),
);
