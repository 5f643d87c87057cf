// A Stryker ignore-plugin whose whole list lives in stryker.config.mjs
// (`exclusions`): each entry names a file, the exact source of the
// expression or statement whose mutants are excluded, and the one-line
// reason. Matching the exact source text (not a line number) keeps an
// exclusion on its code when lines move, and drops it when the code changes.
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';
import { relative } from 'node:path';
import { exclusions } from '../stryker.config.mjs';

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'config-exclusions', {
    shouldIgnore(path) {
      const file = relative(process.cwd(), path.hub?.file?.opts?.filename ?? '').split('\\').join('/');
      for (const exclusion of exclusions) {
        if (!file.endsWith(exclusion.file)) continue;
        if (path.getSource() === exclusion.code) return exclusion.reason;
      }
      return undefined;
    },
  }),
];
