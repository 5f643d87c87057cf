// Types of stryker/modules.mjs (plain JS, so stryker.config.mjs can read it too).
export interface MutationModule {
  readonly name: string;
  readonly mutate: string[];
  readonly tests: string[];
  readonly countStatic: boolean;
  readonly note: string;
}
export declare const modules: MutationModule[];
export declare const DOMAIN_TESTS: string[];
export declare function moduleNamed(name: string | undefined): MutationModule | undefined;
export declare function fileOfModule(module: MutationModule, file: string | undefined): string | undefined;
export declare function partName(file: string): string;
