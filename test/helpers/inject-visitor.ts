// A browser in miniature for app.inject: keeps cookies, reads the CSRF token
// from the last page, posts forms and uploads.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export type Fields = Record<string, string | string[]>;

export class InjectVisitor {
  cookies = new Map<string, string>();
  token = '';
  constructor(
    private readonly server: FastifyInstance,
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  private absorb(response: LightMyRequestResponse) {
    for (const cookie of response.cookies) this.cookies.set(cookie.name, cookie.value);
    const match = /name="_csrf" value="([^"]+)"/.exec(response.body);
    if (match) this.token = match[1]!;
    return response;
  }

  get cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private headers(more: Record<string, string> = {}) {
    return { ...this.extraHeaders, cookie: this.cookieHeader, accept: 'text/html', ...more };
  }

  async get(url: string) {
    return this.absorb(await this.server.inject({ method: 'GET', url, headers: this.headers() }));
  }

  /** `token: null` sends no CSRF token, another string a forged one. */
  async post(url: string, fields: Fields = {}, { token = this.token }: { token?: string | null } = {}) {
    const body = new URLSearchParams();
    if (token !== null) body.append('_csrf', token);
    for (const [name, value] of Object.entries(fields)) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
    }
    return this.absorb(
      await this.server.inject({ method: 'POST', url, payload: body.toString(), headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded' }) }),
    );
  }

  /**
   * Posts a form as a browser does: a 303 answer is followed by a GET of its
   * location (a wizard step with problems shows them on that GET, from the
   * saved draft), and the page it ends on is returned.
   */
  async submit(url: string, fields: Fields = {}, options: { token?: string | null } = {}) {
    const posted = await this.post(url, fields, options);
    if (posted.statusCode !== 303) return posted;
    return this.get(String(posted.headers.location).replace(/#.*/, ''));
  }

  /** "Continue from a file" (or another upload form at `url`): the token field first, then the file, as the home page's form sends them. */
  async upload(fileName: string, content: Uint8Array | string, { token = this.token, fields = {}, url = '/import' }: { token?: string | null; fields?: Record<string, string>; url?: string } = {}) {
    const boundary = '----uploadtest';
    const payload = Buffer.concat([
      Buffer.from(token === null ? '' : `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n`),
      ...Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      typeof content === 'string' ? Buffer.from(content) : Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return this.absorb(
      await this.server.inject({ method: 'POST', url, payload, headers: this.headers({ 'content-type': `multipart/form-data; boundary=${boundary}` }) }),
    );
  }

  /**
   * "Continue from a file" as a browser sends it: a refused file's 303 is followed to the
   * home page's GET, which says why (Post/Redirect/Get); a read file's 303 is returned as it is.
   */
  async sendFile(fileName: string, content: Uint8Array | string, options: Parameters<InjectVisitor['upload']>[2] = {}) {
    const posted = await this.upload(fileName, content, options);
    const location = String(posted.headers.location ?? '');
    if (posted.statusCode !== 303 || location.startsWith('/wizard/')) return posted;
    return this.get(location.replace(/#.*/, ''));
  }

  /** Home page, "Start a new contract": the URL of the draft's first step. */
  async start(): Promise<string> {
    await this.get('/');
    const response = await this.post('/wizard');
    if (response.statusCode !== 303) throw new Error(`starting a draft answered ${response.statusCode}`);
    return String(response.headers.location);
  }
}
