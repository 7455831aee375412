import type { webApi } from "@slack/bolt";
import { LRUCache } from "lru-cache";
import type { CommandUser } from "../../commands/index.js";
import type { Logger } from "../../logger.js";

/** How long users.info's answer is trusted: an admin removed in Slack loses admin commands within this. */
const ADMIN_ANSWER_TTL_MS = 5 * 60 * 1000;

export interface SlackAdmins {
  /** The user as the registry sees them, able to say whether they are an admin. */
  user(client: webApi.WebClient, id: string, name?: string): CommandUser;
}

/**
 * Slack's admins: the user ids in SLACK_ADMIN_USER_IDS, or, for anyone else, the workspace's own admins and
 * owners as users.info reports them (scope `users:read`, in the manifest). Asked only when an admin-only
 * command runs; a failed call makes no one an admin.
 */
export function createSlackAdmins(adminUserIds: readonly string[], logger: Logger): SlackAdmins {
  const listed = new Set(adminUserIds);
  const answers = new LRUCache<string, boolean>({ max: 10_000, ttl: ADMIN_ANSWER_TTL_MS });
  const isWorkspaceAdmin = async (client: webApi.WebClient, id: string): Promise<boolean> => {
    const known = answers.get(id);
    if (known !== undefined) return known;
    try {
      const result = await client.users.info({ user: id });
      const admin = Boolean(result.user?.is_admin || result.user?.is_owner || result.user?.is_primary_owner);
      answers.set(id, admin);
      return admin;
    } catch (error) {
      logger.warn({ reason: error instanceof Error ? error.message : String(error) }, "Slack users.info failed: treating the user as no admin (add users:read, or list admins in SLACK_ADMIN_USER_IDS)");
      return false;
    }
  };
  return {
    user: (client, id, name) => ({ id, ...(name ? { name } : {}), isAdmin: async () => listed.has(id) || isWorkspaceAdmin(client, id) }),
  };
}

/** The user as the registry sees them; without an admin list (a unit test's deps) no one is an admin. */
export function slackUser(admins: SlackAdmins | undefined, client: webApi.WebClient, id: string, name?: string): CommandUser {
  return admins ? admins.user(client, id, name) : { id, ...(name ? { name } : {}) };
}

/** Where it was asked: `slack:<team>:<channel>`. */
export function slackChannel(team: string | undefined, channel: string | undefined): string | undefined {
  return channel ? `slack:${team ?? "-"}:${channel}` : undefined;
}
