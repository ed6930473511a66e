// The snippet configurator: the choices of the form become the snippet a webmaster pastes and, at
// the same time, the same markup in the preview (built with DOM calls, never from HTML text).
const $ = (id) => document.getElementById(id);
const form = $('form');
const api = new URL('/api/v1/', location.href).href;
const cdn = new URL('/cdn/mpp-kit.js', location.href).href;
const TAGS = { catalog: 'mpp-service-catalog', booking: 'mpp-queue-booking', ticket: 'mpp-queue-ticket' };
const LINK_TEXT = { catalog: 'Cari layanan', booking: 'Ambil nomor antrean', ticket: 'Lihat tiket antrean' };
let services = [];

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** What the form says, checked: only known values reach the snippet. */
function choices() {
  const v = Object.fromEntries(new FormData(form));
  const color = /^#[0-9a-f]{6}$/i.test(v.color) ? v.color.toLowerCase() : '#0b57d0';
  const radius = Math.max(0, Math.min(24, Math.round(Number(v.radius) || 0)));
  const agency = [...$('agency').options].some((o) => o.value === v.agency) ? v.agency : '';
  const service = services.some((s) => s.id === v.service) ? v.service : '';
  return {
    widget: TAGS[v.widget] ? v.widget : 'catalog',
    mode: ['inline', 'popup', 'floating'].includes(v.mode) ? v.mode : 'inline',
    agency,
    service,
    lang: v.lang === 'en' ? 'en' : 'id',
    theme: ['auto', 'light', 'dark'].includes(v.theme) ? v.theme : 'auto',
    color,
    radius,
  };
}

/** The element to embed: its tag and attributes, for both the snippet and the preview. */
function markup(c) {
  const attrs = [];
  if (c.agency && c.widget !== 'ticket') attrs.push(['agency', c.agency]);
  if (c.service && c.widget !== 'ticket') attrs.push(['service', c.service]);
  if (c.lang === 'en') attrs.push(['lang', 'en']);
  if (c.theme !== 'auto') attrs.push(['theme', c.theme]);
  const style = c.color !== '#0b57d0' || c.radius !== 8 ? `--mpp-color-primary: ${c.color}; --mpp-radius: ${c.radius}px` : '';
  if (c.mode === 'popup') {
    const data = [
      ['data-mpp-open', c.widget],
      ...attrs.filter(([k]) => k === 'agency' || k === 'service').map(([k, v]) => [`data-mpp-${k}`, v]),
    ];
    return { tag: 'a', attrs: [['href', '#'], ...data], text: c.lang === 'en' ? 'Open' : LINK_TEXT[c.widget], style };
  }
  if (c.mode === 'floating') return { tag: 'mpp-launcher', attrs: [['widget', c.widget], ['mode', 'floating'], ...attrs], text: '', style };
  return { tag: TAGS[c.widget], attrs, text: '', style };
}

function snippetOf(m) {
  const attrs = m.attrs.map(([k, v]) => ` ${k}="${esc(v)}"`).join('');
  const style = m.style ? ` style="${esc(m.style)}"` : '';
  return `<script type="module" src="${esc(cdn)}"></script>\n<${m.tag}${attrs}${style}>${esc(m.text)}</${m.tag}>`;
}

function render() {
  const m = markup(choices());
  $('snippet').textContent = snippetOf(m);
  const el = document.createElement(m.tag);
  for (const [k, v] of m.attrs) el.setAttribute(k, v);
  if (m.style) el.setAttribute('style', m.style);
  el.textContent = m.text;
  $('preview').replaceChildren(el);
  $('copied').textContent = '';
}

function fillServices() {
  const agency = $('agency').value;
  const keep = $('service').value;
  const options = services.filter((s) => !agency || s.agencyId === agency).sort((a, b) => a.name.localeCompare(b.name, 'id'));
  $('service').replaceChildren(new Option('Pilih di widget (chosen in the widget)', ''), ...options.map((s) => new Option(s.name, s.id)));
  if (options.some((s) => s.id === keep)) $('service').value = keep;
}

async function load() {
  try {
    const index = await (await fetch(`${api}catalog/index`)).json();
    services = index.services ?? [];
    $('agency').append(...(index.agencies ?? []).map((a) => new Option(a.shortName || a.name, a.id)));
    fillServices();
  } catch {
    $('copied').textContent = 'Daftar instansi tidak dapat dimuat; kode tetap dapat dibuat. (The agency list could not be loaded.)';
  }
  render();
}

form.addEventListener('input', (e) => {
  if (e.target.id === 'agency') fillServices();
  render();
});
form.addEventListener('submit', (e) => e.preventDefault());
$('copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText($('snippet').textContent);
    $('copied').textContent = 'Kode disalin. (Copied.)';
  } catch {
    getSelection().selectAllChildren($('snippet'));
    $('copied').textContent = 'Tekan Ctrl+C untuk menyalin. (Press Ctrl+C to copy.)';
  }
});
render();
void load();
