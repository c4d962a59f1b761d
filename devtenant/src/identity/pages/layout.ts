import { html, SafeHtml } from '../../shared/html.js';

const STYLE = `
body{margin:0;font-family:"Segoe UI",system-ui,-apple-system,sans-serif;background:#f2f2f2;color:#1b1b1b}
main{max-width:440px;margin:48px auto;background:#fff;padding:44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
.brand{font-weight:600;color:#737373;margin:0 0 16px;font-size:15px}
h1{font-size:24px;font-weight:600;margin:0 0 16px}
p{line-height:1.45}
.account{display:flex;flex-direction:column;align-items:flex-start;width:100%;text-align:left;background:none;border:0;border-bottom:1px solid #e6e6e6;padding:12px 8px;font:inherit;cursor:pointer}
.account:hover,.account:focus{background:#e6e6e6}
.account small{color:#505050}
label{display:block;margin:12px 0 4px;font-weight:600}
input[type=password],input[type=email]{width:100%;box-sizing:border-box;padding:6px 2px;font:inherit;border:0;border-bottom:1px solid #666}
.actions{display:flex;gap:8px;justify-content:flex-end;margin-top:24px}
button.primary,button.secondary{min-width:108px;padding:6px 12px;font:inherit;border:1px solid #0067b8;cursor:pointer}
button.primary{background:#0067b8;color:#fff}
button.secondary{background:#fff;color:#1b1b1b;border-color:#8c8c8c}
.error{color:#e81123;margin:8px 0}
.code{color:#505050;font-size:12px;word-break:break-word}
ul.perms li{margin:6px 0}
footer{max-width:440px;margin:0 auto;color:#505050;font-size:12px}
`;

/** The page frame shared by every sign-in page. */
export function page(title: string, body: SafeHtml): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>${title}</title>
        <style>
          ${new SafeHtml(STYLE)}
        </style>
      </head>
      <body>
        <main>
          <p class="brand">Microsoft (local devtenant)</p>
          ${body}
        </main>
        <footer>Local development stand-in for Microsoft Entra ID. Not a Microsoft service.</footer>
      </body>
    </html>`.value;
}
