// Every file the app hands over (contracts, letters, calendars, answers)
// goes out the same way: as an attachment named after the project, and never
// cached, since each one holds names, addresses and phone numbers.
import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../contract/file-name.ts';

export function sendDownload(
  reply: FastifyReply,
  file: { readonly type: string; readonly fileStem: string; readonly extension: string; readonly body: string | Buffer },
): FastifyReply {
  return reply
    .header('cache-control', 'no-store')
    .type(file.type)
    .header('content-disposition', contentDisposition(file.fileStem, file.extension))
    .send(file.body);
}
