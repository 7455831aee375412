export { createSlackApp, SLACK_EVENTS_PATH, type SlackApp, type SlackAppOptions } from "./createSlackApp.js";
export { startSlackSocketMode, SOCKET_MODE_START_TIMEOUT_MS } from "./startSlackSocketMode.js";
export { buildSlackManifest, SLACK_BOT_EVENTS, SLACK_BOT_SCOPES, SLACK_MANIFEST_LIMITS, type SlackManifest } from "./buildSlackManifest.js";
export { verifySlackSignature, verifySlackRequests } from "./verify.js";
export { toCommandRequest } from "./toCommandRequest.js";
