import type { CommandDefinition } from "../../registry/types.js";
import { parsePeople } from "../../shared/people.js";
import { splitTeams } from "./splitTeams.js";
import { answerReply, errorReply } from "../../../reply/builders.js";

export const MIN_PEOPLE = 2;
export const MAX_PEOPLE = 12;

/** /teams <people…>: a random, even split into Proposition and Opposition, posted for the room. */
export function createTeamsCommand(random: () => number): CommandDefinition {
  return {
    name: "teams",
    description: "Split people into Proposition and Opposition at random, with speaking order",
    usage: "<people: @dana @eli …> (2-12 people)",
    options: [{ name: "people", description: "2-12 people: @dana @eli @fay @gus", kind: "people", required: true, main: true }],
    handler: ({ command, args, platform }) => {
      const people = parsePeople(args.people ?? "", platform);
      if (people.length < MIN_PEOPLE || people.length > MAX_PEOPLE) {
        const named = `You named ${people.length} ${people.length === 1 ? "person" : "people"} (repeats count once).`;
        return errorReply("Teams need 2-12 people", `${named} Name ${MIN_PEOPLE} to ${MAX_PEOPLE}, for example: /${command} @dana @eli @fay @gus`);
      }
      const teams = splitTeams(people, random);
      const list = (side: typeof teams.proposition) => side.map((person) => person.display).join("\n");
      const ids = teams.speakingOrder.flatMap((turn) => (turn.person.id ? [turn.person.id] : []));
      return answerReply("Debate teams", {
        text: `${people.length} people, split at random: ${teams.proposition.length} for the Proposition, ${teams.opposition.length} for the Opposition.`,
        fields: [
          { label: `Proposition (${teams.proposition.length})`, value: list(teams.proposition) },
          { label: `Opposition (${teams.opposition.length})`, value: list(teams.opposition) },
          {
            label: "Speaking order",
            value: teams.speakingOrder.map((turn, i) => `${i + 1}. ${turn.person.display} (${turn.side})`).join("\n"),
          },
        ],
        // Only the people listed are pinged; plain names have no id, so nobody else can be reached.
        mentions: ids.length > 0 ? ids : undefined,
        visibility: "public",
      });
    },
  };
}
