// The baseline `npm run bench` holds POST /api/contracts to (issue 14): a plain
// Fastify server that makes the same contract the way a team without the fast
// writer would, with the docx library: the JSON body, the same answers schema
// and assembly, Packer for the Word file. Logging at `info`, as in production.
// Started by bench/render.ts as `node --import tsx bench/docx-library-server.ts`
// with PORT and HOST set; it logs Fastify's "Server listening at" line.
import Fastify from 'fastify';
import { answersSchema } from '../src/answers/schema.ts';
import { assembleContract } from '../src/contract/assemble.ts';
import { loadContractLibrary } from '../src/contract/library.ts';
import { renderContractDocx } from '../src/render/docx.ts';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const library = loadContractLibrary();
const app = Fastify({ logger: { level: process.env.LOG_LEVEL || 'info' } });

app.post('/api/contracts', async (request, reply) => {
  const answers = answersSchema.safeParse(request.body);
  if (!answers.success) return reply.code(400).send({ errors: answers.error.issues.map((issue) => issue.message) });
  const contract = assembleContract(answers.data, library);
  const docx = await renderContractDocx(contract);
  return reply.type(DOCX_TYPE).header('content-disposition', `attachment; filename="${contract.meta.fileStem}.docx"`).send(docx);
});

process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
await app.listen({ host: process.env.HOST || '127.0.0.1', port: Number(process.env.PORT || 0) });
