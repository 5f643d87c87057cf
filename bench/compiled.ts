// The product's modules as `npm start` runs them: the JavaScript in dist/
// (built by `prebench`), not the TypeScript that tsx transpiles on the fly for
// this script. The in-process figures are the server's code; measured
// through tsx, the same pipeline took 10 to 15% more CPU.
import { distModule as load } from './dist-module.ts';

export const { answersSchema } = await load<typeof import('../src/answers/schema.ts')>('answers/schema.js');
export const { assembleContract } = await load<typeof import('../src/contract/assemble.ts')>('contract/assemble.js');
export const { loadContractLibrary } = await load<typeof import('../src/contract/library.ts')>('contract/library.js');
export const { renderContractDocx } = await load<typeof import('../src/render/docx.ts')>('render/docx.js');
export const { contractDocxWriter, PER_CONTRACT_LEVEL } = await load<typeof import('../src/render/docx-package.ts')>('render/docx-package.js');
export const { contractBodyXml, corePropertiesXml, headerParagraphXml } = await load<typeof import('../src/render/docx-xml.ts')>('render/docx-xml.js');
export const { answersPartBytes, itemPropsXml, readEmbeddedAnswers } = await load<typeof import('../src/render/embedded-answers.ts')>('render/embedded-answers.js');
export const { renderContractPdf } = await load<typeof import('../src/render/pdf.ts')>('render/pdf.js');
