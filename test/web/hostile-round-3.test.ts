// Issue 24's smaller findings, each as it was found: huge lists of problems
// (3), what the logs say about an incomplete draft's pages (8) and about a
// percent-encoded path (9).
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_MAX_CONNECTIONS, readConfig } from '../../src/config.ts';
import type { FastifyInstance } from 'fastify';
import { MAX_PROBLEMS_LISTED } from '../../src/web/problems.ts';
import { budgetKey, WIZARD_BUDGETS } from '../../src/web/rate-limits.ts';
import { InjectVisitor } from '../helpers/inject-visitor.ts';
import { sampleInput } from '../helpers/samples.ts';
import { buildTestApp } from '../helpers/test-app.ts';

let app: FastifyInstance;
const lines: string[] = [];
beforeAll(async () => {
  app = await buildTestApp({ logLevel: 'info', logStream: { write: (line) => void lines.push(line) } });
});
afterAll(async () => {
  await app.close();
});

const entries = () => lines.map((line) => JSON.parse(line) as { level: number; msg?: string; req?: { url: string } });

describe('problems (finding 3)', () => {
  const post = (payload: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/contracts', payload, headers: { 'content-type': 'application/json', accept: 'application/json', ...headers } });

  it('95,000 unknown keys are refused in a short answer, before any validation', async () => {
    const answers: Record<string, unknown> = { ...sampleInput('new-client-fixed') };
    for (let index = 0; index < 95_000; index++) answers[`k${index}`] = 1;
    for (const language of ['en', 'ja']) {
      const response = await post(JSON.stringify(answers), { 'accept-language': language });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.length).toBeLessThan(2_000);
      expect(response.json().errors).toBeUndefined();
    }
  });

  it('a request with many wrong answers lists the first few and says how many more', async () => {
    const answers = sampleInput('new-client-fixed') as Record<string, any>;
    answers.project.deliverables = Array.from({ length: 50 }, () => 42);
    const response = await post(JSON.stringify(answers));
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.errors).toHaveLength(MAX_PROBLEMS_LISTED);
    expect(problem.moreErrors).toBe(50 - MAX_PROBLEMS_LISTED);
    expect(problem.detail).toContain('50');
  });
});

describe('dates (finding 12)', () => {
  const postJson = (url: string, body: unknown) => app.inject({ method: 'POST', url, payload: body as object, headers: { accept: 'application/json' } });

  it('a follow-up calendar since the year 9999 is refused, naming the field, instead of printing a broken date', async () => {
    const response = await postJson('/api/schedule', { answers: sampleInput('new-client-fixed'), stage: 'in-progress', since: '9999-12-31' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ path: 'since', message: expect.stringMatching(/between 1900 and 2200/) }]);
  });

  it('an effective date in the year 0 is refused, one in 1900 is kept', async () => {
    const answers = sampleInput('new-client-fixed') as Record<string, any>;
    const refused = await postJson('/api/contracts', { ...answers, effectiveDate: '0000-01-01' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ path: 'effectiveDate', message: expect.stringMatching(/between 1900 and 2200/) }]);
    expect((await postJson('/api/contracts', { ...answers, effectiveDate: '1900-01-01' })).statusCode).toBe(200);
  });

  it('an invoice dated or billed for the year 9999 is refused', async () => {
    const answers = sampleInput('retainer-prepaid');
    const response = await postJson('/api/invoices', { answers, invoice: { kind: 'retainer', number: 'R-1', issuedOn: '9999-01-01', month: '9999-12' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { path: string }) => error.path).sort()).toEqual(['invoice.issuedOn', 'invoice.month']);
  });
});

describe('budgets per IPv6 network (finding 5)', () => {
  it('an IPv6 address is counted by its /64 however it is written; IPv4 by its address', () => {
    expect(budgetKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(budgetKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(budgetKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(budgetKey('::1')).toBe('0:0:0:0::/64');
    expect(budgetKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(budgetKey('192.0.2.7')).toBe('192.0.2.7');
  });

  it('one host owning a /64 meets the limit however many of its addresses it uses; another /64 does not', async () => {
    const limited = await buildTestApp({ rateLimitPerMinute: 60 });
    try {
      const start = (remoteAddress: string) => limited.inject({ method: 'POST', url: '/wizard', remoteAddress });
      const statuses: number[] = [];
      for (let index = 1; index <= WIZARD_BUDGETS.start + 1; index++) statuses.push((await start(`2001:db8:1:2:${index.toString(16)}::${index}`)).statusCode);
      expect(statuses.slice(0, WIZARD_BUDGETS.start).every((status) => status === 303)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
      expect((await start('2001:db8:1:3::1')).statusCode).toBe(303);
      // An IPv4 address keeps a budget of its own, written either way.
      expect((await start('192.0.2.7')).statusCode).toBe(303);
    } finally {
      await limited.close();
    }
  });
});

describe('every page of a draft is on a budget (finding 2)', () => {
  it('once the page budget is spent, every page that reads the draft is refused with 429, and so is deleting it', async () => {
    const limited = await buildTestApp({ rateLimitPerMinute: 60 });
    try {
      const visitor = new InjectVisitor(limited);
      const first = await visitor.start();
      const base = first.replace(/\/[^/]+$/, '');
      await visitor.get(`${base}/delete`); // the token for the delete form, before the budget is spent
      for (let index = 0; index < WIZARD_BUDGETS.page; index++) await visitor.get(first);
      const pages = ['', '/saved', '/follow-up', '/follow-up/final-notice', '/invoices', '/answers.json', '/delete', '/review'];
      const statuses = Object.fromEntries(await Promise.all(pages.map(async (page) => [page, (await visitor.get(`${base}${page}`)).statusCode] as const)));
      expect(statuses).toEqual(Object.fromEntries(pages.map((page) => [page, 429])));
      // Posting forms has its own budget: deleting is on it too.
      for (let index = 0; index < WIZARD_BUDGETS.saveStep; index++) await visitor.post(`${base}/nowhere`, {});
      expect((await visitor.post(`${base}/delete`, {})).statusCode).toBe(429);
    } finally {
      await limited.close();
    }
  });
});

describe('held sockets (finding 4)', () => {
  it('deleting a draft or starting one takes a small body: a megabyte is refused with 413 before the form is read', async () => {
    const visitor = new InjectVisitor(app);
    const first = await visitor.start();
    const base = first.replace(/\/[^/]+$/, '');
    await visitor.get(`${base}/delete`);
    for (const url of [`${base}/delete`, '/wizard']) {
      const response = await visitor.post(url, { padding: 'x'.repeat(1_000_000) });
      expect(response.statusCode, url).toBe(413);
    }
    expect((await app.drafts.get(base.split('/')[2]!))).toBeDefined();
  });

  it('MAX_CONNECTIONS caps the sockets the server holds open at once', async () => {
    expect(readConfig({}).maxConnections).toBe(DEFAULT_MAX_CONNECTIONS);
    expect(readConfig({ MAX_CONNECTIONS: '3' }).maxConnections).toBe(3);
    expect(() => readConfig({ MAX_CONNECTIONS: '0' })).toThrow(/MAX_CONNECTIONS/);
    const capped = await buildTestApp({ maxConnections: 3 });
    try {
      await capped.listen({ port: 0, host: '127.0.0.1' });
      const { port } = capped.server.address() as AddressInfo;
      const held = await Promise.all(Array.from({ length: 3 }, () => openSocket(port)));
      const extra = await openSocket(port);
      // The fourth is closed by the server at once, without an answer.
      expect(await closedWithin(extra, 5_000)).toBe(true);
      for (const socket of held) socket.destroy();
    } finally {
      await capped.close();
    }
  });
});

describe('forms refused before their body is read (finding 4)', () => {
  let listening: FastifyInstance;
  let port: number;
  beforeAll(async () => {
    listening = await buildTestApp();
    await listening.listen({ port: 0, host: '127.0.0.1' });
    port = (listening.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await listening.close();
  });

  /** Sends only the head of a POST that announces `length` bytes of form, and returns the answer the server gives without them. */
  function headOnly(url: string, length: number, cookie: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      let answer = '';
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`no answer without the body; got so far: ${answer}`));
      }, 10_000);
      socket.on('data', (chunk: Buffer) => {
        answer += chunk.toString();
        if (answer.includes('\r\n\r\n')) {
          clearTimeout(timer);
          socket.destroy();
          resolve(answer);
        }
      });
      socket.on('error', reject);
      socket.write(
        `POST ${url} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${length}\r\n${cookie ? `Cookie: ${cookie}\r\n` : ''}\r\n`,
      );
    });
  }

  it("a step's form far larger than the step's questions can fill is refused with a 413 problem before a byte of it arrives", async () => {
    const visitor = new InjectVisitor(listening);
    const base = (await visitor.start()).replace(/\/[^/]+$/, '');
    await visitor.get(`${base}/relationship`);
    const answer = await headOnly(`${base}/relationship`, 200_000, visitor.cookieHeader);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer.toLowerCase()).toContain('content-type: application/problem+json');
    // A step whose questions can fill that much still takes it: the limit is the step's own.
    await visitor.get(`${base}/project`);
    const project = await visitor.post(`${base}/project`, { 'project.deliverables': Array.from({ length: 40 }, () => 'd'.repeat(4_000)) });
    expect(project.statusCode).toBe(400);
    expect(project.body).toContain('characters or fewer');
  });

  it('a form posted without the CSRF cookie is refused with 403 before its body is read', async () => {
    const visitor = new InjectVisitor(listening);
    const base = (await visitor.start()).replace(/\/[^/]+$/, '');
    for (const url of [`${base}/you`, `${base}/delete`, `${base}/invoices/deposit`, '/import']) {
      const answer = await headOnly(url, 3_000, '');
      expect(answer, url).toMatch(/^HTTP\/1\.1 403 /);
    }
    // A forged cookie (not signed by this server) is no better.
    expect(await headOnly(`${base}/you`, 3_000, '_csrf=forged')).toMatch(/^HTTP\/1\.1 403 /);
  });
});

function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.on('error', () => undefined);
  });
}

function closedWithin(socket: Socket, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (socket.destroyed) return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
  });
}

describe('METRICS_TOKEN', () => {
  it('with a token set, /metrics answers only a request that carries it', async () => {
    expect(readConfig({ METRICS_TOKEN: 's3cret-token' }).metricsToken).toBe('s3cret-token');
    const guarded = await buildTestApp({ metricsToken: 's3cret-token' });
    try {
      const without = await guarded.inject({ method: 'GET', url: '/metrics' });
      expect(without.statusCode).toBe(401);
      expect(without.body).not.toContain('nodejs_version_info');
      expect((await guarded.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(401);
      const withToken = await guarded.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer s3cret-token' } });
      expect(withToken.statusCode).toBe(200);
      expect(withToken.body).toContain('http_requests_total');
    } finally {
      await guarded.close();
    }
  });
});

describe('HTTPS-only policy behind HTTPS only', () => {
  it('/docs sends upgrade-insecure-requests only behind a trusted proxy', async () => {
    const direct = await app.inject({ method: 'GET', url: '/docs/' });
    expect(direct.statusCode).toBe(200);
    expect(String(direct.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    const proxied = await buildTestApp({ trustProxy: 1 });
    try {
      const behind = await proxied.inject({ method: 'GET', url: '/docs/', headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' } });
      expect(String(behind.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    } finally {
      await proxied.close();
    }
  });
});

describe('framework errors (finding 10)', () => {
  it('a URL that is not valid percent-encoding gets problem+json with the usual headers, without the URL, logged and counted', async () => {
    lines.length = 0;
    const response = await app.inject({ method: 'GET', url: '/%E0%A4%A' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.headers['content-security-policy']).toBeDefined();
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).not.toContain('%E0');
    expect(response.json()).toMatchObject({ status: 400, type: '/docs/problems#bad-request' });
    expect(entries().some((entry) => entry.msg !== undefined && /refused|bad/i.test(entry.msg))).toBe(true);
    const metrics = await app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/http_requests_total\{method="GET",route="unmatched",status="400"\} [1-9]/);
  });
});

describe('bad headers (framework errors, finding 10)', () => {
  /** Sends raw bytes and reads everything the server answers until it closes. */
  async function raw(port: number, request: string): Promise<string> {
    const socket = await openSocket(port);
    return new Promise((resolve) => {
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
      socket.on('close', () => resolve(answer));
      socket.write(request);
    });
  }

  it("a header Node's parser refuses gets problem+json with the usual headers, without echoing it, logged and counted", async () => {
    const listening = await buildTestApp({ logLevel: 'info', logStream: { write: (line) => void lines.push(line) } });
    try {
      await listening.listen({ port: 0, host: '127.0.0.1' });
      const { port } = listening.server.address() as AddressInfo;
      lines.length = 0;
      const answer = await raw(port, 'GET / HTTP/1.1\r\nHost: x\r\nX-Secret\u0001: leak-me\r\n\r\n');
      const [head = '', body = ''] = answer.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
      expect(head).toMatch(/\r\ncontent-type: application\/problem\+json/i);
      expect(head).toMatch(/\r\ncontent-security-policy: default-src 'self'/i);
      expect(head).toMatch(/\r\nx-content-type-options: nosniff/i);
      expect(head).toMatch(/\r\ncache-control: no-store/i);
      expect(answer).not.toContain('leak-me');
      expect(JSON.parse(body)).toMatchObject({ status: 400, type: '/docs/problems#bad-request', detail: expect.stringMatching(/header/) });
      expect(entries().some((entry) => entry.msg === 'request refused by the HTTP parser')).toBe(true);

      // Headers past Node's 16 kB: 431, the same way.
      const overflow = await raw(port, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
      expect(overflow).toMatch(/^HTTP\/1\.1 431 /);
      expect(overflow).toContain('/docs/problems#headers-too-large');

      const metrics = await listening.inject({ method: 'GET', url: '/metrics' });
      expect(metrics.body).toMatch(/http_requests_total\{method="unknown",route="unmatched",status="400"\} 1/);
      expect(metrics.body).toMatch(/http_requests_total\{method="unknown",route="unmatched",status="431"\} 1/);
    } finally {
      await listening.close();
    }
  });
});

describe('money past safe integers (finding 13)', () => {
  const postJson = (url: string, body: unknown) => app.inject({ method: 'POST', url, payload: body as object, headers: { accept: 'application/json' } });

  it('an hourly fee of a billion an hour for 100,000 hours is refused, naming the hours', async () => {
    const answers = sampleInput('returning-client-hourly') as Record<string, any>;
    answers.fee = { ...answers.fee, rate: 1_000_000_000, estimatedHours: 100_000 };
    const response = await postJson('/api/contracts', answers);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ path: 'fee.estimatedHours', message: 'Estimated hours times the hourly rate must come to 1,000,000,000,000 or less' }]);
  });

  it('an hours invoice past what whole cents count exactly is refused, naming the hours', async () => {
    const answers = sampleInput('returning-client-hourly') as Record<string, any>;
    answers.fee = { ...answers.fee, rate: 100_000_000, estimatedHours: 1 };
    const response = await postJson('/api/invoices', { answers, invoice: { kind: 'hours', number: 'H-1', issuedOn: '2027-06-01', hours: 99_999 } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { path: string }) => error.path)).toEqual(['invoice.hours']);
  });
});

describe('the pages of an incomplete or missing draft (finding 8)', () => {
  it('the invoices and follow-up pages of an unfinished draft answer without logging an error', async () => {
    const visitor = new InjectVisitor(app);
    const first = await visitor.start();
    const base = first.replace(/\/[^/]+$/, '');
    lines.length = 0;
    for (const page of ['invoices', 'follow-up']) {
      const response = await visitor.get(`${base}/${page}`);
      expect(response.statusCode, page).toBe(200);
    }
    const missing = await visitor.get('/wizard/0000000000000000000000/invoices');
    expect(missing.statusCode).toBe(404);
    expect(entries().filter((entry) => entry.level >= 40).map((entry) => entry.msg)).toEqual([]);
  });
});

describe('the language question on the pages of a finished draft', () => {
  it('a finished English draft asked for in Japanese shows the question, keeps its language and logs no error', async () => {
    const draft = await app.drafts.create(sampleInput('new-client-fixed'));
    const visitor = new InjectVisitor(app);
    lines.length = 0;
    for (const page of ['you', 'review', 'invoices', 'follow-up']) {
      const response = await visitor.get(`/wizard/${draft.id}/${page}?lang=ja`);
      expect(response.statusCode, page).toBe(200);
      expect(response.body, page).toContain('lang="ja"');
    }
    expect((await app.drafts.get(draft.id))?.answers.language ?? 'en').toBe('en');
    expect(entries().filter((entry) => entry.level >= 40).map((entry) => entry.msg)).toEqual([]);
  });
});

describe('language switches write nothing (finding 6)', () => {
  it('?lang= on a GET leaves the stored draft byte for byte as it was, and the pages after it keep the language until a form saves it', async () => {
    const visitor = new InjectVisitor(app);
    const base = (await visitor.start()).replace(/\/[^/]+$/, '');
    await visitor.submit(`${base}/you`, { 'freelancer.name': 'Ada Lovelace' });
    const id = base.split('/').pop()!;
    const stored = JSON.stringify(await app.drafts.get(id));
    const writes = vi.spyOn(app.drafts, 'update');
    try {
      const asked = await visitor.get(`${base}/you?lang=ja`);
      expect(asked.body).toContain('<html lang="ja">');
      expect(asked.body).toContain('保存して次へ');
      // The next step and the review, by their plain links: still Japanese.
      expect((await visitor.get(`${base}/client`)).body).toContain('<html lang="ja">');
      expect((await visitor.get(`${base}/review`)).body).toContain('<html lang="ja">');
      expect(writes).not.toHaveBeenCalled();
      expect(JSON.stringify(await app.drafts.get(id))).toBe(stored);
      // The next form sent saves the choice with the step.
      await visitor.post(`${base}/client`, { 'client.name': '山田商事' });
      expect((await app.drafts.get(id))?.answers).toMatchObject({ language: 'ja', freelancer: { name: 'Ada Lovelace' }, client: { name: '山田商事' } });
    } finally {
      writes.mockRestore();
    }
  });

  it("one draft's language choice does not follow the visitor to another draft", async () => {
    const visitor = new InjectVisitor(app);
    const first = (await visitor.start()).replace(/\/[^/]+$/, '');
    await visitor.get(`${first}/you?lang=ja`);
    await visitor.get('/?lang=en');
    const second = (await visitor.start()).replace(/\/[^/]+$/, '');
    expect((await visitor.get(`${second}/you`)).body).toContain('<html lang="en">');
    expect((await visitor.get(`${first}/you`)).body).toContain('<html lang="ja">');
  });
});

describe('log redaction (finding 9)', () => {
  it('a draft id in a percent-encoded path is not logged either', async () => {
    const visitor = new InjectVisitor(app);
    const first = await visitor.start();
    const draftId = first.split('/')[2]!;
    lines.length = 0;
    for (const url of [`/%77izard/${draftId}/review`, `/wizard/${draftId.slice(0, 4)}%${draftId.charCodeAt(4).toString(16)}${draftId.slice(5)}/review`, `/WIZARD/${draftId}/review`]) {
      await visitor.get(url);
    }
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(draftId);
    expect(lines.join('\n')).not.toContain(draftId.slice(5));
  });
});
