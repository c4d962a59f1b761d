/**
 * A minimal browser for server-rendered pages: keeps cookies, follows redirects by hand, and submits forms by
 * their fields, so integration tests can walk the local tenant's sign-in and consent pages over plain HTTP.
 */
export class FormBrowser {
  private readonly cookies = new Map<string, string>();
  url = '';
  status = 0;
  html = '';

  constructor(private readonly fetch: (url: string, init?: RequestInit) => Promise<Response>) {}

  async open(url: string, init: RequestInit = {}): Promise<this> {
    let next: { url: string; init: RequestInit } | undefined = { url, init };
    for (let hops = 0; next && hops < 10; hops += 1) {
      const response = await this.fetch(next.url, {
        ...next.init,
        redirect: 'manual',
        headers: { ...(next.init.headers as Record<string, string>), cookie: this.cookieHeader() },
      });
      for (const cookie of response.headers.getSetCookie()) {
        const [pair = ''] = cookie.split(';');
        const [name = '', ...value] = pair.split('=');
        this.cookies.set(name.trim(), value.join('='));
      }
      this.url = next.url;
      this.status = response.status;
      this.html = await response.text();
      const location = response.headers.get('location');
      next =
        response.status >= 300 && response.status < 400 && location
          ? { url: new URL(location, next.url).toString(), init: {} }
          : undefined;
    }
    return this;
  }

  /** Submits the page's form that holds a control named `field` (with `value`, if given), adding `extra` fields. */
  async submit(field: string, value?: string, extra: Record<string, string> = {}): Promise<this> {
    const forms = [...this.html.matchAll(/<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)];
    const form = forms.find(([, , body]) => body!.includes(`name="${field}"`));
    if (!form)
      throw new Error(`No form with ${field}${value ? `=${value}` : ''} on ${this.url}:\n${this.html.slice(0, 2000)}`);
    const fields = new URLSearchParams();
    for (const [, name, hidden] of form[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
      fields.set(name!, decodeEntities(hidden!));
    if (value !== undefined) fields.set(field, value);
    for (const [name, extraValue] of Object.entries(extra)) fields.set(name, extraValue);
    return this.open(new URL(decodeEntities(form[1]!), this.url).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: fields.toString(),
    });
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}
