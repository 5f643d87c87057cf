// A browser in miniature over real HTTP (fetch): keeps its cookies by hand,
// reads the CSRF token from the last form, posts form-urlencoded, and does not
// follow redirects so a test sees each 303.
export type Fields = Record<string, string | string[]>;

export class HttpVisitor {
  cookies = new Map<string, string>();
  token = '';
  constructor(public baseUrl: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private async absorb(response: Response): Promise<{ status: number; location: string; body: string }> {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
    }
    const body = await response.text();
    const match = /name="_csrf" value="([^"]+)"/.exec(body);
    if (match) this.token = match[1]!;
    return { status: response.status, location: response.headers.get('location') ?? '', body };
  }

  async get(path: string) {
    return this.absorb(await fetch(this.baseUrl + path, { redirect: 'manual', headers: { cookie: this.cookieHeader, accept: 'text/html' } }));
  }

  /** The form-urlencoded body a browser would send for these fields and the current token. */
  formBody(fields: Fields = {}): string {
    const body = new URLSearchParams({ _csrf: this.token });
    for (const [name, value] of Object.entries(fields)) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
    }
    return body.toString();
  }

  async post(path: string, fields: Fields = {}) {
    return this.absorb(
      await fetch(this.baseUrl + path, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: this.cookieHeader, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
        body: this.formBody(fields),
      }),
    );
  }
}
