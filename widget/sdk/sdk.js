// OneChat widget loader, Chatwoot's sdk.js protocol. Hand-written ES2017: keep it < 5 KB gzipped.
(function () {
  const PREFIX = 'chatwoot-widget:';
  const MOBILE = '(max-width: 668px)';
  const SETTINGS = {
    locale: undefined, useBrowserLanguage: false, baseDomain: undefined, hideMessageBubble: false,
    position: 'right', type: 'standard', launcherTitle: '', showPopoutButton: false,
    showUnreadMessagesDialog: true, widgetStyle: 'standard', darkMode: 'light', welcomeTitle: '',
    welcomeDescription: '', availableMessage: '', unavailableMessage: '', enableFileUpload: undefined,
    enableEmojiPicker: true, enableEndConversation: true,
  };
  const CSS = `.woot-widget-holder{position:fixed;z-index:2147483000;bottom:104px;width:400px;height:calc(100% - 124px);max-height:680px;border-radius:16px;overflow:hidden;background:#fff;box-shadow:0 4px 24px #0003}
.woot-widget-holder iframe{width:100%;height:100%;border:0}
.woot-widget--without-bubble{bottom:20px}.woot-widget-holder--flat,.woot-widget-bubble--flat{border-radius:0}
.has-unread-view{height:auto;background:none;box-shadow:none}.has-unread-view iframe{height:240px}
.woot-elements--right{right:20px}.woot-elements--left{left:20px}
.woot--hide{visibility:hidden!important}.woot-hidden{display:none!important}
.woot-widget-bubble{position:fixed;bottom:20px;z-index:2147483000;min-width:64px;height:64px;border:0;border-radius:99px;color:#fff;display:flex;align-items:center;justify-content:center;gap:8px;font:16px sans-serif}
.woot-widget-bubble svg{width:24px;fill:currentColor}
.woot-widget--expanded{height:48px;padding:0 20px}.woot-widget-bubble-color--lighter{color:#123}
.unread-notification::after{content:'';position:absolute;top:0;right:0;width:12px;height:12px;border-radius:50%;background:red}
@media ${MOBILE}{.woot-widget-holder:not(.has-unread-view){inset:0;width:auto;height:auto;max-height:none;border-radius:0}.woot--close{display:none}}`;

  function md5(str) {
    const bytes = new TextEncoder().encode(str);
    const n = bytes.length;
    const w = new Int32Array((((n + 8) >> 6) + 1) * 16);
    bytes.forEach((byte, i) => { w[i >> 2] |= byte << (i % 4 * 8); });
    w[n >> 2] |= 0x80 << (n % 4 * 8);
    w[w.length - 2] = n * 8;
    const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
    for (let j = 0; j < w.length; j += 16) {
      const v = h.slice();
      for (let i = 0; i < 64; i++) {
        const [a, b, c, d] = v;
        const r = i >> 4;
        const f = [b & c | ~b & d, d & b | ~d & c, b ^ c ^ d, c ^ (b | ~d)][r];
        const s = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21][r * 4 + i % 4];
        const x = a + f + (Math.abs(Math.sin(i + 1)) * 2 ** 32 | 0) + w[j + [i, 5 * i + 1, 3 * i + 5, 7 * i][r] % 16];
        v.unshift(v.pop());
        v[1] = b + (x << s | x >>> 32 - s) | 0;
      }
      h.forEach((_, k) => { h[k] = h[k] + v[k] | 0; });
    }
    return h.map((v) => [0, 8, 16, 24].map((k) => (v >>> k & 255).toString(16).padStart(2, '0')).join('')).join('');
  }

  let $ = null;
  let iframe, holder, bubbles, chatBubble, closeBubble, label, style, lastHref;
  let queue = [];

  const getCookie = (name) => {
    const hit = document.cookie.match(`(?:^|; )${name}=([^;]*)`);
    return hit ? decodeURIComponent(hit[1]) : undefined;
  };
  const setCookie = (name, value, until = new Date(Date.now() + 365 * 864e5)) => {
    const domain = $.baseDomain ? `; domain=${$.baseDomain}` : '';
    document.cookie = `${name}=${encodeURIComponent(value)}; expires=${until.toUTCString()}; path=/${domain}; SameSite=Lax`;
  };
  const removeCookie = (name) => setCookie(name, '', new Date(0));
  const userCookie = () => `cw_user_${$.websiteToken}`;

  const emit = (name, detail) => ['OneChat:', 'chatwoot:']
    .forEach((p) => window.dispatchEvent(new CustomEvent(p + name, { detail })));

  const el = (tag, props) => Object.assign(document.createElement(tag), props);
  const keep = (node) => { node.setAttribute('data-turbo-permanent', ''); return node; };
  function icon(d) {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    const path = svg.appendChild(document.createElementNS(svg.namespaceURI, 'path'));
    svg.setAttribute('viewBox', '0 0 240 240');
    path.setAttribute('d', d);
    return svg;
  }
  function button(className, ariaLabel, d) {
    const b = el('button', { type: 'button', className: `woot-widget-bubble woot-elements--${$.position} ${className}` });
    if ($.widgetStyle === 'flat') b.classList.add('woot-widget-bubble--flat');
    b.setAttribute('aria-label', ariaLabel);
    b.appendChild(icon(d));
    return b;
  }

  function drawBubble() {
    bubbles = keep(el('div', { id: 'cw-bubble-holder', className: 'woot--bubble-holder' }));
    bubbles.classList.toggle('woot-hidden', $.hideMessageBubble);
    chatBubble = button('', 'Open chat window', 'M240 240H122A118 118 0 1 1 240 122Z');
    if ($.type === 'expanded_bubble') {
      chatBubble.classList.add('woot-widget--expanded');
      label = chatBubble.appendChild(el('span', { id: 'woot-widget--expanded__text' }));
      setLabel($.launcherTitle || 'Chat with us');
    }
    closeBubble = button(`woot--close woot--hide`, 'Close chat window', 'M50 70l20-20 50 50 50-50 20 20-50 50 50 50-20 20-50-50-50 50-20-20 50-50z');
    chatBubble.onclick = () => toggle();
    closeBubble.onclick = () => toggle(false);
    bubbles.append(chatBubble, closeBubble);
    document.body.appendChild(bubbles);
    paint('#1f93ff');
  }

  function setLabel(text) {
    label.textContent = text;
    chatBubble.setAttribute('aria-label', text);
  }

  function paint(color) {
    const light = /^#[c-f].[c-f].[c-f]/i.test(color); // every channel >= 0xc0: dark icon
    [chatBubble, closeBubble].forEach((b) => {
      b.style.background = color;
      b.classList.toggle('woot-widget-bubble-color--lighter', light);
    });
  }

  function widgetUrl(withConversation) {
    const jwt = withConversation && getCookie('cw_conversation');
    return `${$.baseUrl}/widget?website_token=${$.websiteToken}${jwt ? `&cw_conversation=${jwt}` : ''}`;
  }

  function drawFrame() {
    holder = keep(el('div', { id: 'cw-widget-holder', className: `woot-widget-holder woot--hide woot-elements--${$.position}` }));
    holder.classList.toggle('woot-widget--without-bubble', $.hideMessageBubble);
    holder.classList.toggle('woot-widget-holder--flat', $.widgetStyle === 'flat');
    iframe = el('iframe', { id: 'chatwoot_live_chat_widget', title: 'Chat window', src: widgetUrl(true) });
    iframe.setAttribute('allow', 'camera;microphone;fullscreen;display-capture;picture-in-picture;clipboard-write;');
    iframe.style.visibility = 'hidden';
    holder.appendChild(iframe);
    document.body.appendChild(holder);
  }

  function toggle(open = !$.isOpen) {
    if (open === $.isOpen) return;
    $.isOpen = open;
    holder.classList.toggle('woot--hide', !open);
    chatBubble.classList.toggle('woot--hide', open);
    closeBubble.classList.toggle('woot--hide', !open);
    if (!open) holder.classList.remove('has-unread-view');
    send('toggle-open', { isOpen: open });
    if (open) {
      send('push-event', { eventName: 'webwidget.triggered' });
      send('widget-visible');
    }
    emit(open ? 'opened' : 'closed');
    if (!open) chatBubble.focus();
  }

  const post = (event, data) => iframe.contentWindow.postMessage(PREFIX + JSON.stringify(Object.assign({ event }, data)), '*');
  // Queued until `loaded`.
  const send = (event, data) => ($.hasLoaded ? post(event, data) : queue.push([event, data]));

  function checkUrl() {
    if (!$.hasLoaded || location.href === lastHref) return;
    lastHref = location.href;
    send('change-url', { referrerURL: lastHref, referrerHost: location.host });
  }
  function checkMobile() {
    if ($.hasLoaded) send('toggle-close-button', { isMobile: matchMedia(MOBILE).matches });
  }

  const events = {
    loaded({ config = {} }) {
      if (config.authToken) setCookie('cw_conversation', config.authToken);
      $.hasLoaded = true;
      const settings = { campaignsSnoozedTill: Number(getCookie('cw_snooze_campaigns_till')) || undefined };
      Object.keys(SETTINGS).forEach((k) => { settings[k] = $[k]; });
      post('config-set', settings);
      queue.splice(0).forEach((m) => post(m[0], m[1]));
      iframe.style.visibility = '';
      paint((config.channelConfig || {}).widgetColor || '#1f93ff');
      lastHref = null;
      checkMobile();
      checkUrl();
      if ($.resetTriggered) $.resetTriggered = false;
      else emit('ready');
    },
    error(m) {
      emit('error', m.data);
      if (m.errorType === 'SET_USER_ERROR') removeCookie(userCookie());
    },
    setBubbleLabel(m) { if (label && !$.hideMessageBubble) setLabel($.launcherTitle || m.label || 'Chat with us'); },
    setAuthCookie(m) { setCookie('cw_conversation', m.data.widgetAuthToken); },
    setCampaignReadOn() {
      const till = new Date(Date.now() + 3600e3);
      setCookie('cw_snooze_campaigns_till', till.getTime(), till);
    },
    toggleBubble: (m) => api.toggle(m.state),
    closeWindow: () => toggle(false),
    closeChat: () => toggle(false),
    setUnreadMode() {
      if (!$.isOpen) holder.classList.add('has-unread-view');
      toggle(true);
    },
    resetUnreadMode: () => holder.classList.remove('has-unread-view'),
    handleNotificationDot: (m) => chatBubble.classList.toggle('unread-notification', m.unreadMessageCount > 0),
    updateIframeHeight(m) {
      iframe.setAttribute('style', `height: ${m.isFixedHeight ? `${m.extraHeight}px` : '100%'} !important`);
    },
    onEvent(m) {
      const name = String(m.eventIdentifier);
      if (/^chatwoot:/.test(name)) emit(name.slice(9), m.data);
      else window.dispatchEvent(new CustomEvent(name, { detail: m.data }));
    },
    postback: (m) => emit('postback', m),
    popoutChatWindow: () => api.popoutChatWindow(),
  };

  function onMessage(e) {
    if (e.source !== iframe.contentWindow || typeof e.data !== 'string' || e.data.indexOf(PREFIX)) return;
    try {
      const m = JSON.parse(e.data.slice(PREFIX.length));
      if (events.hasOwnProperty(m.event)) events[m.event](m);
    } catch (err) { /* ignored */ }
  }

  function restore(newBody) {
    [style, holder, bubbles].forEach((n) => newBody.querySelector(`#${n.id}`) || newBody.appendChild(n));
  }

  const api = {
    toggle(state) { toggle({ open: true, close: false }[state]); },
    toggleBubbleVisibility(visibility) {
      if (visibility) $.hideMessageBubble = visibility === 'hide';
      bubbles.classList.toggle('woot-hidden', $.hideMessageBubble);
      holder.classList.toggle('woot-widget--without-bubble', $.hideMessageBubble);
      send('sdk-set-bubble-visibility', { hideMessageBubble: $.hideMessageBubble });
    },
    popoutChatWindow() {
      toggle(false);
      const url = `${$.baseUrl}/widget?cw_conversation=${getCookie('cw_conversation')}&website_token=${$.websiteToken}&locale=${$.locale}`;
      window.open(url, `webwidget_session_${$.websiteToken}`, 'resizable=off,width=400,height=600');
    },
    setUser(identifier, user) {
      if (typeof identifier !== 'string' && typeof identifier !== 'number') throw new TypeError('identifier');
      if (!user || !(user.avatar_url || user.email || user.name)) throw new TypeError('user');
      const hash = md5(['avatar_url', 'email', 'name', 'identifier_hash'].map((k) => k + (user[k] || '')).join('') + 'identifier' + identifier);
      if (getCookie(userCookie()) === hash) return;
      Object.assign($, { identifier, user });
      send('set-user', { identifier, user });
      setCookie(userCookie(), hash);
    },
    setCustomAttributes(customAttributes = {}) {
      if (!Object.keys(customAttributes).length) throw new TypeError('customAttributes');
      send('set-custom-attributes', { customAttributes });
    },
    deleteCustomAttribute: (customAttribute) => send('delete-custom-attribute', { customAttribute }),
    setConversationCustomAttributes: (customAttributes) => send('set-conversation-custom-attributes', { customAttributes }),
    deleteConversationCustomAttribute: (customAttribute) => send('delete-conversation-custom-attribute', { customAttribute }),
    setLabel: (label) => send('set-label', { label }),
    removeLabel: (label) => send('remove-label', { label }),
    setLocale(locale = 'en') { send('set-locale', { locale: ($.locale = locale) }); },
    setColorScheme(darkMode = 'light') { send('set-color-scheme', { darkMode: ($.darkMode = darkMode) }); },
    reset() {
      toggle(false);
      removeCookie('cw_conversation');
      removeCookie(userCookie());
      Object.assign($, { user: undefined, identifier: undefined, hasLoaded: false, resetTriggered: true });
      iframe.style.visibility = 'hidden';
      iframe.src = widgetUrl(false);
    },
  };

  function run({ websiteToken, baseUrl = '' } = {}) {
    if (window.$chatwoot || window.$OneChat) return;
    const s = window.OneChatSettings || window.chatwootSettings || {};
    $ = window.$OneChat = window.$chatwoot = api;
    Object.keys(SETTINGS).forEach((k) => { $[k] = s[k] == null || s[k] === '' ? SETTINGS[k] : s[k]; });
    if ($.useBrowserLanguage) $.locale = navigator.language.replace('-', '_');
    if ($.position !== 'left') $.position = 'right';
    Object.assign($, { baseUrl: baseUrl.replace(/\/+$/, ''), websiteToken, hasLoaded: false, isOpen: false, resetTriggered: false });

    const start = () => {
      style = keep(el('style', { id: 'cw-widget-styles', textContent: CSS }));
      document.head.appendChild(style);
      drawBubble();
      drawFrame();
      addEventListener('message', onMessage);
      addEventListener('resize', checkMobile);
      addEventListener('popstate', checkUrl);
      addEventListener('hashchange', checkUrl);
      new MutationObserver(checkUrl).observe(document.body, { childList: true, subtree: true });
      document.addEventListener('turbo:before-render', (e) => restore(e.detail.newBody));
      document.addEventListener('turbolinks:before-render', (e) => restore(e.data.newBody));
      document.addEventListener('astro:before-swap', (e) => restore(e.newDocument.body));
    };
    if (document.body) start();
    else document.addEventListener('DOMContentLoaded', start);
  }

  window.OneChatSDK = window.chatwootSDK = window.OneChatSDK || window.chatwootSDK || { run };
})();
