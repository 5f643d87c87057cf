// A Stryker ignore-plugin whose whole list lives in stryker.config.mjs
// (`exclusions`): each entry names a file, the exact source of the
// expression or statement whose mutants are excluded, and the one-line
// reason. Matching the exact source text (not a line number) keeps an
// exclusion on its code when lines move; test/harness/stryker-exclusions.test.ts
// fails when an entry's code is no longer in its file.
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';
import { relative } from 'node:path';
import { exclusions } from '../stryker.config.mjs';

/** The reason a node (its file, its exact source) is excluded, or undefined. */
export function exclusionReason(file, source, list = exclusions) {
  const name = file.split('\\').join('/');
  return list.find((exclusion) => name.endsWith(exclusion.file) && source === exclusion.code)?.reason;
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'config-exclusions', {
    shouldIgnore(path) {
      const file = path.hub?.file?.opts?.filename;
      if (!file) return undefined;
      return exclusionReason(relative(process.cwd(), file), path.getSource());
    },
  }),
];
