/**
 * The store groups that tell the people running the bot how it is used: votes on answers, the log of what was
 * asked, per-channel settings and Slack installations. Shared by the three backends: the types, the checks
 * that refuse a bad record before anything is stored, and how settings merge.
 *
 * Nobody is stored by name: a voter or asker is a pseudonymous key the caller derives (a hash of the platform
 * and user id), kept only to count people and to keep one vote per person.
 */

// --- Feedback votes -----------------------------------------------------------------------------------------

export type VoteKind = "helpful" | "unhelpful" | "wrong-passage";
export const VOTE_KINDS: readonly VoteKind[] = ["helpful", "unhelpful", "wrong-passage"];

export interface FeedbackVote {
  /** The answer voted on (its id in the question log). */
  answerId: string;
  /** Who voted, as a pseudonymous key. */
  voter: string;
  vote: VoteKind;
  /** For "wrong-passage": the passage reported. */
  passageId?: string;
  /** When, in milliseconds since the epoch. */
  at: number;
}

/**
 * One vote per person per answer: "Helpful" and "Not helpful" share one slot (a second click replaces the
 * first); each passage reported wrong is a slot of its own, so a reader can report two quotes of one answer.
 */
export interface FeedbackVotes {
  /** Records the vote, replacing the voter's earlier one in the same slot; says whether one was replaced. */
  cast(vote: FeedbackVote): Promise<{ replaced: boolean }>;
  /** Every vote cast at or after `from`, oldest first. */
  since(from: number): Promise<FeedbackVote[]>;
  /** Deletes the votes cast before `cutoff` (retention); returns how many went. */
  removeOlderThan(cutoff: number): Promise<number>;
}

// --- Question log -------------------------------------------------------------------------------------------

/** How a command was answered: by a passage that answers it, only the nearest ones, nothing, or refused input. */
export type AnswerOutcome = "strong" | "weak" | "none" | "error";

export interface LoggedPassage {
  passageId: string;
  document: string;
  section: string;
  /** The sources the passage cites, `Author Year`. */
  sources: string[];
}

export interface LoggedCommand {
  /** Unique; an answer's feedback buttons carry it. */
  id: string;
  at: number;
  platform: string;
  command: string;
  /** The pseudonymous key of who asked. */
  asker: string;
  /** What was asked, normalised; absent when QUESTION_LOG=off or the command takes no question. */
  question?: string;
  outcome: AnswerOutcome;
  /** The passages quoted, in order. */
  passages: LoggedPassage[];
}

export interface QuestionLog {
  record(entry: LoggedCommand): Promise<void>;
  get(id: string): Promise<LoggedCommand | undefined>;
  /** Every entry at or after `from`, oldest first. */
  since(from: number): Promise<LoggedCommand[]>;
  /** Deletes the entries before `cutoff` (retention); returns how many went. */
  removeOlderThan(cutoff: number): Promise<number>;
}

// --- Channel settings ---------------------------------------------------------------------------------------

export interface ChannelSettings {
  /** The document commands use when none is named. */
  document?: string;
  /** Whether answers are posted for the channel or only to the asker, unless a command says otherwise. */
  visibility?: "private" | "public";
  /** Commands turned off in the channel (by name, without the slash). */
  disabledCommands?: string[];
  /** Whether the bot answers when mentioned there (default yes). */
  answerMentions?: boolean;
}

/** A change to a channel's settings: a value sets it, null returns it to the default, absent leaves it. */
export type ChannelSettingsChange = { [Key in keyof ChannelSettings]?: ChannelSettings[Key] | null };

export interface ChannelSettingsStore {
  /** The channel's settings; {} when none was ever set. `channel` is namespaced by the caller (`slack:T1:C1`). */
  get(channel: string): Promise<ChannelSettings>;
  /** Applies the change at once (two admins changing different settings both keep theirs); returns the result. */
  update(channel: string, change: ChannelSettingsChange): Promise<ChannelSettings>;
}

export const CHANNEL_SETTING_NAMES: ReadonlyArray<keyof ChannelSettings> = ["document", "visibility", "disabledCommands", "answerMentions"];

// --- Installations ------------------------------------------------------------------------------------------

export interface Installations {
  /** Keeps (or replaces) an installation, already sealed by the caller. */
  save(key: string, sealed: string): Promise<void>;
  get(key: string): Promise<string | undefined>;
  /** False when there was none. */
  delete(key: string): Promise<boolean>;
}

/** The four groups as each backend builds them. */
export interface UsageGroups {
  feedback: FeedbackVotes;
  questionLog: QuestionLog;
  channelSettings: ChannelSettingsStore;
  installations: Installations;
}

// --- Checks and helpers the backends share ------------------------------------------------------------------

/** The vote's slot: one per voter per answer, and one more per passage reported. */
export function voteSlot(vote: FeedbackVote): string {
  return [vote.answerId, vote.voter, vote.vote === "wrong-passage" ? (vote.passageId ?? "") : ""].join("\u0000");
}

export function checkVote(vote: FeedbackVote): FeedbackVote {
  if (!vote.answerId || !vote.voter) throw new RangeError("a vote needs an answer and a voter");
  if (!VOTE_KINDS.includes(vote.vote)) throw new RangeError(`a vote is one of ${VOTE_KINDS.join(", ")}`);
  if (vote.vote === "wrong-passage" && !vote.passageId) throw new RangeError("a wrong-passage vote names the passage");
  if (!Number.isFinite(vote.at)) throw new RangeError("a vote needs a time");
  const checked: FeedbackVote = { answerId: vote.answerId, voter: vote.voter, vote: vote.vote, at: Math.round(vote.at) };
  if (vote.vote === "wrong-passage") checked.passageId = vote.passageId!;
  return checked;
}

export function checkLoggedCommand(entry: LoggedCommand): LoggedCommand {
  if (!entry.id || !entry.platform || !entry.command || !entry.asker) throw new RangeError("a logged command needs an id, platform, command and asker");
  if (!Number.isFinite(entry.at)) throw new RangeError("a logged command needs a time");
  return { ...entry, at: Math.round(entry.at), passages: entry.passages.map((passage) => ({ ...passage, sources: [...passage.sources] })) };
}

export function checkCutoff(cutoff: number): number {
  if (!Number.isFinite(cutoff)) throw new RangeError("a cutoff is a time in milliseconds since the epoch");
  return cutoff;
}

/** The settings after a change: null deletes, undefined keeps, anything else replaces. Unknown names are refused. */
export function applySettingsChange(current: ChannelSettings, change: ChannelSettingsChange): ChannelSettings {
  const next: Record<string, unknown> = { ...current };
  for (const [name, value] of Object.entries(change)) {
    if (!CHANNEL_SETTING_NAMES.includes(name as keyof ChannelSettings)) throw new RangeError(`unknown channel setting ${name}`);
    if (value === null) delete next[name];
    else if (value !== undefined) next[name] = value;
  }
  return next as ChannelSettings;
}

export function checkChannel(channel: string): string {
  if (typeof channel !== "string" || channel === "") throw new RangeError("channel settings need a channel");
  return channel;
}
