import { FIND_IN_DOCUMENT, type CommandDefinition } from "../../commands/index.js";
import { FIND_IN_DOCUMENT_CALLBACK_ID } from "./actionIds.js";
import { SLACK_EVENTS_PATH } from "./createSlackApp.js";
import { SLACK_OAUTH_REDIRECT_PATH } from "./oauth/installPaths.js";

/** Slack's manifest limits (app manifest reference), checked by the tests against every generated manifest. */
export const SLACK_MANIFEST_LIMITS = {
  appName: 35,
  appDescription: 140,
  botDisplayName: 80,
  command: 32,
  commandDescription: 2_000,
  usageHint: 1_000,
  shortcutName: 24,
  shortcutDescription: 150,
  callbackId: 255,
} as const;

/**
 * The only scopes the bot uses: `commands` for slash commands and the shortcut, `chat:write` for shared
 * replies, thread replies, conversation answers, private shortcut answers and scheduled timer messages;
 * `app_mentions:read` for @mentions, `im:history` for direct messages, and `channels:history` /
 * `groups:history` to see plain follow-ups in the threads it answered in public and private channels (each
 * event's listener drops every other message unread); `assistant:write` for the assistant surface's status,
 * title and suggested prompts. Not `chat:write.public`: the bot posts only where it
 * has been invited.
 */
export const SLACK_BOT_SCOPES = ["commands", "chat:write", "app_mentions:read", "im:history", "channels:history", "groups:history", "assistant:write", "users:read"] as const;

/** The events those scopes bring, with their listeners in listeners/ (appMention.ts, conversationMessage.ts, assistant.ts). */
export const SLACK_BOT_EVENTS = [
  "app_mention",
  "message.im",
  "message.channels",
  "message.groups",
  "assistant_thread_started",
  "assistant_thread_context_changed",
] as const;

export interface SlackManifestOptions {
  /**
   * A public base URL for HTTP mode (`https://bot.example.org`, or the whole endpoint,
   * `https://bot.example.org/slack/events`); without it the manifest uses Socket Mode.
   */
  publicUrl?: string;
}

export interface SlackManifest {
  display_information: { name: string; description: string; background_color: string };
  features: {
    bot_user: { display_name: string; always_online: boolean };
    slash_commands: Array<{ command: string; description: string; usage_hint?: string; should_escape: boolean; url?: string }>;
    shortcuts: Array<{ name: string; type: "message"; callback_id: string; description: string }>;
    /** The Messages tab, so people can write to the bot directly. */
    app_home: { messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean };
    /** Slack's assistant surface (the split view): answered by listeners/assistant.ts. */
    assistant_view: { assistant_description: string };
  };
  oauth_config: { scopes: { bot: string[] }; redirect_urls?: string[] };
  settings: {
    event_subscriptions: { request_url?: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url?: string };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
    token_rotation_enabled: boolean;
  };
}

/**
 * The app manifest for the commands in the registry, to paste into "Create an app → From a manifest".
 * `should_escape` makes Slack send mentions as `<@U…|name>`, which is how `for: @dana` finds a user id.
 */
export function buildSlackManifest(commands: readonly CommandDefinition[], options: SlackManifestOptions = {}): SlackManifest {
  const base = options.publicUrl?.replace(/\/+$/, "");
  const requestUrl = base ? (base.endsWith(SLACK_EVENTS_PATH) ? base : `${base}${SLACK_EVENTS_PATH}`) : undefined;
  // Over HTTP the app can also be installed into other workspaces (SLACK_CLIENT_ID …): Slack must know where the
  // install returns, and tell the bot when a workspace uninstalls it, so its installation is deleted.
  const redirectUrl = requestUrl ? `${requestUrl.slice(0, -SLACK_EVENTS_PATH.length)}${SLACK_OAUTH_REDIRECT_PATH}` : undefined;
  return {
    display_information: {
      name: "Ground Truth",
      description: "Answers with exact, cited quotations from your documents.",
      background_color: "#1d3557",
    },
    features: {
      bot_user: { display_name: "ground-truth", always_online: false },
      slash_commands: commands.map((command) => ({
        command: checkCommandName(command.name),
        description: cut(command.description, SLACK_MANIFEST_LIMITS.commandDescription),
        ...(command.usage ? { usage_hint: cut(command.usage, SLACK_MANIFEST_LIMITS.usageHint) } : {}),
        should_escape: true,
        ...(requestUrl ? { url: requestUrl } : {}),
      })),
      shortcuts: [
        {
          name: FIND_IN_DOCUMENT,
          type: "message",
          callback_id: FIND_IN_DOCUMENT_CALLBACK_ID,
          description: "Quote the passages of the document that bear on this message, with citations",
        },
      ],
      app_home: { messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      assistant_view: { assistant_description: "Ask about the loaded documents; answers quote them exactly, with their sources." },
    },
    oauth_config: { scopes: { bot: [...SLACK_BOT_SCOPES] }, ...(redirectUrl ? { redirect_urls: [redirectUrl] } : {}) },
    settings: {
      // Over HTTP, uninstalls and revoked tokens too, so an installation made through /slack/install is forgotten.
      event_subscriptions: {
        ...(requestUrl ? { request_url: requestUrl } : {}),
        bot_events: [...SLACK_BOT_EVENTS, ...(requestUrl ? ["app_uninstalled", "tokens_revoked"] : [])],
      },
      interactivity: { is_enabled: true, ...(requestUrl ? { request_url: requestUrl } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: !requestUrl,
      token_rotation_enabled: false,
    },
  };
}

/**
 * `/name`, or a throw naming the command: Slack refuses the whole manifest over one name longer than 32
 * characters (the slash counted) or with characters it does not take.
 */
function checkCommandName(name: string): string {
  const command = `/${name}`;
  if (command.length > SLACK_MANIFEST_LIMITS.command || !/^\/[a-z0-9][-_a-z0-9]*$/.test(command)) {
    throw new Error(`${command}: Slack command names are lower-case letters, digits, - or _, at most ${SLACK_MANIFEST_LIMITS.command} characters with the slash.`);
  }
  return command;
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
