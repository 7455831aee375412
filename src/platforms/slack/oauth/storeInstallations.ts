import type { Installation, InstallationQuery, InstallationStore } from "@slack/oauth";
import type { Installations } from "../../../store/index.js";
import type { InstallationSealer } from "./sealInstallation.js";

/**
 * Bolt's `InstallationStore` contract on the store's `installations` group: one record per workspace (or per
 * Enterprise Grid organization for an org-wide install), sealed before it is written, so every instance sharing
 * the store serves every workspace that installed the bot.
 */
export function storeInstallations(installations: Installations, sealer: InstallationSealer): InstallationStore {
  return {
    async storeInstallation(installation) {
      const key = installationKey(installation.isEnterpriseInstall ?? false, installation.enterprise?.id, installation.team?.id);
      await installations.save(key, sealer.seal(key, JSON.stringify(installation)));
    },
    async fetchInstallation(query) {
      const key = keyOf(query);
      const sealed = await installations.get(key);
      const plain = sealed === undefined ? undefined : sealer.open(key, sealed);
      // Bolt turns this throw into "no installation": the workspace is asked to install the app again.
      if (plain === undefined) throw new Error(`no installation for ${describe(query)}`);
      return JSON.parse(plain) as Installation<"v1" | "v2", boolean>;
    },
    async deleteInstallation(query) {
      await installations.delete(keyOf(query));
    },
  };
}

/** The record's key: `slack:enterprise:<id>` for an org-wide install, else `slack:team:<id>`. */
export function installationKey(isEnterpriseInstall: boolean, enterpriseId: string | undefined, teamId: string | undefined): string {
  if (isEnterpriseInstall && enterpriseId) return `slack:enterprise:${enterpriseId}`;
  if (teamId) return `slack:team:${teamId}`;
  throw new RangeError("an installation names its workspace or its organization");
}

function keyOf(query: InstallationQuery<boolean>): string {
  return installationKey(query.isEnterpriseInstall, query.enterpriseId, query.teamId);
}

function describe(query: InstallationQuery<boolean>): string {
  return query.isEnterpriseInstall ? `organization ${query.enterpriseId}` : `workspace ${query.teamId}`;
}
