// A customer's website for the widget specs: a dependency-free static server on its own origin
// (http://localhost:3220 while OneChat runs on http://127.0.0.1:3210), so the widget runs cross-origin
// the way it does on real sites.
//
// Every path (`/`, `/pricing/plans`, `/about`, …) serves the same page, built from the query:
//   ?token=<websiteToken>&base=<OneChat base URL>&flavor=onechat|chatwoot&settings=<JSON>
// flavor=onechat (default) embeds `window.OneChatSettings` + `OneChatSDK.run`; flavor=chatwoot
// embeds Chatwoot's own snippet (`window.chatwootSettings` + `chatwootSDK.run`).
// The page records, for the specs:
//   window.__sdkStart         performance.now() just before the sdk.js <script> is added
//   window.__bubbleVisibleAt  performance.now() when the bubble button is first visible
//   window.__events           every OneChat:* / chatwoot:* window event, in order: {name, detail, at}
import { createServer } from "node:http";

const port = Number(process.env.ONECHAT_HOST_PORT ?? 3220);
const EVENTS = ["ready", "error", "on-message", "on-start-conversation", "opened", "closed", "postback"];

/** JSON that is safe inside an inline <script>. */
const scriptJson = (value) => JSON.stringify(value).replace(/</g, "\\u003c");
const escapeHtml = (text) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

function page(url) {
  const q = url.searchParams;
  const flavor = q.get("flavor") === "chatwoot" ? "chatwoot" : "onechat";
  let settings = {};
  try {
    settings = JSON.parse(q.get("settings") ?? "{}");
  } catch {
    settings = {};
  }
  const settingsName = flavor === "chatwoot" ? "chatwootSettings" : "OneChatSettings";
  const sdkName = flavor === "chatwoot" ? "chatwootSDK" : "OneChatSDK";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Acme host page ${escapeHtml(url.pathname)}</title>
</head>
<body>
<h1>Acme Corp</h1>
<p id="path">${escapeHtml(url.pathname)}</p>
<p>A customer's website embedding the ${flavor} snippet.</p>
<script>
  window.__events = [];
  ${scriptJson(EVENTS)}.forEach(function (name) {
    ["OneChat:", "chatwoot:"].forEach(function (prefix) {
      window.addEventListener(prefix + name, function (e) {
        window.__events.push({ name: prefix + name, detail: e.detail === undefined ? null : e.detail, at: performance.now() });
      });
    });
  });
  (function watchBubble() {
    var button = document.querySelector("#cw-bubble-holder button");
    if (button) {
      var box = button.getBoundingClientRect();
      var style = getComputedStyle(button);
      if (box.width > 0 && box.height > 0 && style.visibility === "visible" && style.display !== "none") {
        window.__bubbleVisibleAt = performance.now();
        return;
      }
    }
    requestAnimationFrame(watchBubble);
  })();
  window.${settingsName} = ${scriptJson(settings)};
  (function (d, t) {
    var BASE_URL = ${scriptJson(q.get("base") ?? "")};
    var g = d.createElement(t), s = d.getElementsByTagName(t)[0];
    window.__sdkStart = performance.now();
    g.src = BASE_URL + "/packs/js/sdk.js";
    g.defer = true;
    g.async = true;
    s.parentNode.insertBefore(g, s);
    g.onload = function () {
      window.${sdkName}.run({ websiteToken: ${scriptJson(q.get("token") ?? "")}, baseUrl: BASE_URL });
    };
  })(document, "script");
</script>
</body>
</html>
`;
}

createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://host.invalid");
  if (url.pathname === "/health") {
    res.writeHead(200, { "content-type": "text/plain" }).end("ok");
  } else if (url.pathname === "/favicon.ico") {
    res.writeHead(204).end();
  } else {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(page(url));
  }
}).listen(port, () => console.log(`host page on http://localhost:${port}`));
