// `npm run docs` (node scripts/docs.mjs): builds the docs site into docs/_site/, served by `npm start`
// under /docs/. Every docs/*.md becomes a page with one shared layout (Indonesian-first navigation,
// a skip link, readable at 320 px, no external resources); one page per element from
// custom-elements.json; the OpenAPI reference from docs/openapi.json; the SDK reference from typedoc
// in api/; the snippet configurator copied as it is. Each text file gets a brotli and a gzip copy.
//
//   node scripts/docs.mjs [--out <folder>] [--no-api]
//
// `--no-api` skips typedoc (the slowest step), for tests of the rest of the site.
import MarkdownIt from 'markdown-it';
import { Application, PageEvent, TSConfigReader, TypeDocReader } from 'typedoc';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { root } from './lib.mjs';
import { SITE_DIR } from './docs-sources.mjs';

const DOCS = join(root, 'docs');
const MANIFEST = join(root, 'packages/elements/custom-elements.json');
const OPENAPI = join(DOCS, 'openapi.json');
/** The CDN origin the copy-paste snippets use (the one the guides use). */
const CDN = 'https://mpp.kotabogor.go.id/cdn/mpp-kit.js';
/** Guides written in Indonesian; every other guide is English. */
const INDONESIAN = new Set(['mulai.md']);
/** Files of docs/ copied into the site as they are. */
const COPIED = ['configurator.html', 'configurator.js', 'configurator.css', 'openapi.json'];
/** What gets a .br and a .gz copy beside it. */
const COMPRESSIBLE = /\.(html|css|js|json|svg|txt|md)$/;

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

// ---------------------------------------------------------------------------------------------
// Layout

const CSS = `:root{color-scheme:light dark;--bg:#fff;--text:#1b1c1f;--muted:#4a4f57;--link:#0b57d0;--line:#8a9099;--code:#f1f4f9}
@media (prefers-color-scheme:dark){:root{--bg:#121316;--text:#e6e7ea;--muted:#b8bcc4;--link:#8ab4f8;--line:#6b717a;--code:#24262b}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--text);font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;overflow-wrap:break-word}
a{color:var(--link)}a:focus-visible,[tabindex]:focus-visible,summary:focus-visible{outline:3px solid var(--link);outline-offset:2px}
.skip{position:absolute;left:.5rem;top:-3rem;background:var(--bg);color:var(--link);padding:.5rem .75rem;border:2px solid var(--link);z-index:1}
.skip:focus{top:.5rem}
header{border-bottom:1px solid var(--line);padding:.75rem 1rem}
header nav ul{list-style:none;margin:0 auto;padding:0;max-width:50rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.95rem}
header nav a{display:inline-block;padding:.25rem 0}
header nav a[aria-current=page]{font-weight:700;color:var(--text)}
main{max-width:50rem;margin:0 auto;padding:1rem 1rem 4rem}
footer{max-width:50rem;margin:0 auto;padding:1rem;border-top:1px solid var(--line);color:var(--muted);font-size:.9rem}
h1,h2,h3,h4{line-height:1.25;margin:2rem 0 .75rem}h1{margin-top:.5rem;font-size:1.9rem}h2{font-size:1.45rem}h3{font-size:1.15rem}
code{font:.875em/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--code);padding:.1em .3em;border-radius:4px;overflow-wrap:anywhere}
pre{background:var(--code);padding:.75rem 1rem;border-radius:6px;white-space:pre-wrap;overflow-wrap:anywhere}pre code{background:none;padding:0}
.scroll{overflow-x:auto;margin:1rem 0}
table{border-collapse:collapse;min-width:100%}th,td{border:1px solid var(--line);padding:.35rem .6rem;text-align:left;vertical-align:top}
blockquote{margin:1rem 0;padding:0 1rem;border-left:4px solid var(--line)}
img{max-width:100%;height:auto;border:1px solid var(--line)}
.muted{color:var(--muted)}
.cards{list-style:none;padding:0;display:grid;gap:.75rem;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr))}
.cards li{border:1px solid var(--line);border-radius:8px;padding:.75rem 1rem}
.cards a{font-weight:700}
.method{display:inline-block;min-width:4.2em;font-weight:700}
details{margin:.5rem 0}summary{cursor:pointer}
`;

/**
 * The site's navigation, Indonesian first (the page's own language may be English, so the nav says
 * its language). `here` is the current page's path in the site; `base` leads back to the site root.
 */
function nav(here, base) {
  const items = [
    ['index.html', 'Beranda', 'home'],
    ['mulai.html', 'Mulai di sini', 'webmasters'],
    ['configurator.html', 'Pembuat kode', 'configurator'],
    ['elements/index.html', 'Elemen', 'elements'],
    ['developers.html', 'Pengembang', 'developers'],
    ['openapi.html', 'API server', 'OpenAPI'],
    ['api/index.html', 'API SDK', 'typedoc'],
    ['server.html', 'Server', 'deployment'],
    ['security.html', 'Keamanan', 'security'],
  ];
  const li = items.map(([href, id, en]) => {
    const current = href === here ? ' aria-current="page"' : '';
    return `<li><a href="${base}${href}"${current}>${id} <span lang="en">(${en})</span></a></li>`;
  });
  return `<nav aria-label="Dokumentasi" lang="id"><ul>${li.join('')}</ul></nav>`;
}

/** One page of the site: `path` is its place in the site (`elements/mpp-launcher.html`). */
function page({ path, lang, title, body }) {
  const base = '../'.repeat(path.split('/').length - 1);
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · mpp-kit docs</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="${base}site.css"></head>
<body><a class="skip" href="#main" lang="id">Langsung ke isi <span lang="en">(skip to content)</span></a>
<header>${nav(path, base)}</header>
<main id="main">
${body}</main>
<footer lang="id">mpp-kit · <a href="/">demo</a> · MIT</footer></body></html>
`;
}

// ---------------------------------------------------------------------------------------------
// Markdown guides

/**
 * Markdown as the demo server renders it (raw HTML shown as text, never run), plus: links to another
 * guide (`server.md#x`) point at its page (`server.html#x`); tables and long lines scroll inside
 * their box, which takes the keyboard focus so keyboard users can scroll it too.
 */
export function markdown(guides) {
  const md = new MarkdownIt({ html: false });
  const defaultLink = md.renderer.rules.link_open ?? ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options));
  md.renderer.rules.link_open = (tokens, i, options, env, self) => {
    const href = tokens[i].attrGet('href') ?? '';
    const m = /^(?:\.\/)?([\w-]+\.md)(#.*)?$/.exec(href);
    if (m && guides.has(m[1])) tokens[i].attrSet('href', `${m[1].slice(0, -3)}.html${m[2] ?? ''}`);
    return defaultLink(tokens, i, options, env, self);
  };
  md.renderer.rules.table_open = () => '<div class="scroll" tabindex="0"><table>\n';
  md.renderer.rules.table_close = () => '</table></div>\n';
  return md;
}

const titleOf = (source, fallback) => /^#\s+(.+)$/m.exec(source)?.[1]?.replace(/[`*_]/g, '').trim() ?? fallback;

// ---------------------------------------------------------------------------------------------
// Index

function indexPage(guides) {
  const title = (f) => escapeHtml(guides.get(f)?.title ?? f);
  const english = [
    ['developers.md', 'npm packages, the default API, React 19 JSX typings, IDE data, CDN versions'],
    ['embedding.md', 'attributes, embed modes, API base, language, events'],
    ['theming.md', 'design tokens, light and dark, parts'],
    ['queue.md', 'rules as data, booking, tickets, live position, staff'],
    ['server.md', 'PostgreSQL, several instances, backups, secrets, errors, caching'],
    ['security.md', 'personal data, the Content Security Policy a site needs, headers'],
    ['import.md', "importing a city's own catalog"],
    ['design.md', 'design notes and decisions'],
  ].filter(([f]) => guides.has(f));
  const body = `<h1>Dokumentasi mpp-kit</h1>
<p>Layanan Mal Pelayanan Publik (katalog layanan, antrean daring) untuk situs pemerintah daerah. <span lang="en">Public-service widgets for Indonesian government websites.</span></p>
<h2>Untuk pengelola situs</h2>
<ul class="cards">
<li><a href="mulai.html">Mulai di sini</a><br>Memasang layanan MPP di situs Anda: salin dua baris, langkah WordPress, tanpa alat build.</li>
<li><a href="configurator.html">Pembuat kode widget</a><br>Pilih widget, instansi, layanan, warna dan cara tampil; lihat pratinjau; salin kodenya.</li>
<li><a href="elements/index.html">Daftar elemen</a><br>Atribut, event, bagian (<i lang="en">parts</i>) dan token warna tiap widget.</li>
</ul>
<div lang="en">
<h2>For developers</h2>
<ul>
${english.map(([f, what]) => `<li><a href="${f.slice(0, -3)}.html">${title(f)}</a>: ${escapeHtml(what)}</li>`).join('\n')}
<li><a href="elements/index.html">Element reference</a>: every attribute, property, event, slot, CSS part and custom property, from <code>custom-elements.json</code></li>
<li><a href="openapi.html">HTTP API reference</a>: every path and method, parameters, bodies, responses and problem codes, from <a href="openapi.json">openapi.json</a> (OpenAPI 3.1)</li>
<li><a href="api/index.html">SDK reference</a> (<code>@mpp-kit/core</code>, typedoc)</li>
</ul>
</div>`;
  return page({ path: 'index.html', lang: 'id', title: 'Dokumentasi', body });
}

// ---------------------------------------------------------------------------------------------
// Elements, from custom-elements.json

/** A snippet a webmaster can paste for each tag; other tags get the bare tag. */
const SNIPPETS = {
  'mpp-service-catalog': '<mpp-service-catalog></mpp-service-catalog>',
  'mpp-queue-booking': '<mpp-queue-booking service="disdukcapil-ktp-el"></mpp-queue-booking>',
  'mpp-queue-ticket': '<mpp-queue-ticket></mpp-queue-ticket>',
  'si-badra-track': '<si-badra-track></si-badra-track>',
  'si-badra-report': '<si-badra-report></si-badra-report>',
  'si-badra-inbox': '<si-badra-inbox></si-badra-inbox>',
  'mpp-launcher': '<mpp-launcher widget="booking" mode="floating"></mpp-launcher>',
};

/** The custom elements of the manifest, sorted by tag. */
export function elementsOf(manifest) {
  return manifest.modules
    .flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => ({ ...d, module: m.path })))
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
}

function table(caption, head, rows) {
  if (rows.length === 0) return `<p class="muted">${caption}: none.</p>`;
  const cell = (c) => `<td>${c}</td>`;
  return `<div class="scroll" tabindex="0"><table><caption class="muted">${caption}</caption>
<thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
<tbody>${rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('\n')}</tbody></table></div>`;
}

function elementPage(md, el) {
  const inline = (s) => (s ? md.renderInline(String(s)) : '');
  const code = (s) => (s === undefined || s === null || s === '' ? '' : `<code>${escapeHtml(s)}</code>`);
  const from = (x) => (x.inheritedFrom ? ` <span class="muted">(from ${escapeHtml(x.inheritedFrom.name)})</span>` : '');
  const pub = (x) => !x.static && x.privacy !== 'private' && x.privacy !== 'protected' && !/^[_#]/.test(x.name);
  const members = (el.members ?? []).filter(pub);
  const fields = members.filter((x) => x.kind === 'field');
  const methods = members.filter((x) => x.kind === 'method');
  const signature = (m) =>
    `${m.name}(${(m.parameters ?? []).map((p) => `${p.name}${p.optional || p.default ? '?' : ''}: ${p.type?.text ?? 'unknown'}`).join(', ')})${m.return?.type?.text ? `: ${m.return.type.text}` : ''}`;
  const snippet = `<script type="module" src="${CDN}"></script>\n${SNIPPETS[el.tagName] ?? `<${el.tagName}></${el.tagName}>`}`;
  const body = `<h1><code>&lt;${escapeHtml(el.tagName)}&gt;</code></h1>
${el.summary ? md.render(el.summary) : ''}${el.description ? md.render(el.description) : ''}
<h2 id="snippet">Kode untuk disalin <span lang="en">(snippet)</span></h2>
<pre><code>${escapeHtml(snippet)}</code></pre>
<p>Atau buat dengan <a href="../configurator.html">pembuat kode widget</a>. <span lang="en">From npm: <code>import '@mpp-kit/elements/${escapeHtml(el.tagName)}/define';</code></span></p>
<h2 id="attributes">Attributes</h2>
${table(
  'HTML attributes',
  ['Name', 'Type', 'Default', 'Description'],
  (el.attributes ?? []).map((a) => [code(a.name) + from(a), code(a.type?.text), code(a.default), inline(a.description)]),
)}
<h2 id="properties">Properties</h2>
${table(
  'JavaScript properties',
  ['Name', 'Type', 'Attribute', 'Description'],
  fields.map((f) => [
    code(f.name) + (f.readonly ? ' <span class="muted">(read-only)</span>' : '') + from(f),
    code(f.type?.text),
    code(f.attribute),
    inline(f.description),
  ]),
)}
<h2 id="methods">Methods</h2>
${table(
  'Methods',
  ['Signature', 'Description'],
  methods.map((m) => [code(signature(m)) + from(m), inline(m.description)]),
)}
<h2 id="events">Events</h2>
${table(
  'Events (bubbling, composed DOM events)',
  ['Name', 'Type', 'Description'],
  (el.events ?? []).map((e) => [code(e.name) + from(e), code(e.type?.text), inline(e.description)]),
)}
<h2 id="slots">Slots</h2>
${table(
  'Slots',
  ['Name', 'Description'],
  (el.slots ?? []).map((s) => [s.name ? code(s.name) : '<span class="muted">(default)</span>', inline(s.description)]),
)}
<h2 id="parts">CSS parts</h2>
${table(
  `Style them with <code>${escapeHtml(el.tagName)}::part(name)</code>`,
  ['Part', 'Description'],
  (el.cssParts ?? []).map((p) => [code(p.name) + from(p), inline(p.description)]),
)}
<h2 id="tokens">CSS custom properties</h2>
${table(
  'Tokens, set on the element or any ancestor (see <a href="../theming.html">theming</a>)',
  ['Property', 'Description'],
  (el.cssProperties ?? []).map((p) => [code(p.name) + from(p), inline(p.description)]),
)}`;
  return page({ path: `elements/${el.tagName}.html`, lang: 'en', title: `<${el.tagName}>`, body });
}

function elementsIndex(md, elements) {
  const body = `<h1>Elemen <span lang="en">(elements)</span></h1>
<p>Setiap widget adalah satu tag HTML. <span lang="en">Each widget is one HTML tag; these pages are generated from <code>custom-elements.json</code>.</span></p>
<ul class="cards" lang="en">
${elements
  .map(
    (el) =>
      `<li><a href="${el.tagName}.html"><code>&lt;${el.tagName}&gt;</code></a><br>${md.renderInline((el.summary ?? '').split('\n\n')[0] ?? '')}</li>`,
  )
  .join('\n')}
</ul>`;
  return page({ path: 'elements/index.html', lang: 'id', title: 'Elemen', body });
}

// ---------------------------------------------------------------------------------------------
// OpenAPI reference

/** A short, readable type for a JSON Schema: `string (≤ 80, pattern …)`, `integer`, `A | B`. */
export function schemaType(schema, doc) {
  if (!schema) return '';
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop();
    return doc.components?.schemas?.[name] ? `<a href="#schema-${escapeHtml(name)}">${escapeHtml(name)}</a>` : escapeHtml(name);
  }
  if (schema.anyOf || schema.oneOf) return (schema.anyOf ?? schema.oneOf).map((s) => schemaType(s, doc)).join(' | ');
  if (schema.const !== undefined) return `<code>${escapeHtml(JSON.stringify(schema.const))}</code>`;
  if (schema.enum) return schema.enum.map((v) => `<code>${escapeHtml(JSON.stringify(v))}</code>`).join(' | ');
  if (schema.type === 'array') return `array of ${schemaType(schema.items, doc) || 'any'}`;
  const facts = [];
  if (schema.format) facts.push(escapeHtml(schema.format));
  if (schema.minLength !== undefined) facts.push(`≥ ${schema.minLength} chars`);
  if (schema.maxLength !== undefined) facts.push(`≤ ${schema.maxLength} chars`);
  if (schema.minimum !== undefined) facts.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER) facts.push(`≤ ${schema.maximum}`);
  if (schema.pattern) facts.push(`pattern <code>${escapeHtml(schema.pattern)}</code>`);
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? (schema.properties ? 'object' : 'any'));
  return `${escapeHtml(type)}${facts.length ? ` <span class="muted">(${facts.join(', ')})</span>` : ''}`;
}

function schemaFields(md, schema, doc, caption) {
  const s = schema?.$ref ? doc.components?.schemas?.[schema.$ref.split('/').pop()] : schema;
  if (!s?.properties) return `<p>${schemaType(schema, doc)}</p>`;
  const required = new Set(s.required ?? []);
  return table(
    caption,
    ['Field', 'Type', 'Required', 'Description'],
    Object.entries(s.properties).map(([name, p]) => [
      `<code>${escapeHtml(name)}</code>`,
      schemaType(p, doc),
      required.has(name) ? 'yes' : 'no',
      p.description ? md.renderInline(p.description) : '',
    ]),
  );
}

/** Problem codes named in a response's description (`Bad request: validation_failed, malformed_json`). */
export function problemCodes(description) {
  const m = /:\s*([a-z_]+(?:\s*,\s*[a-z_]+)*)\s*$/.exec(description ?? '');
  return m ? m[1].split(',').map((c) => c.trim()) : [];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

function openapiPage(md, doc) {
  const byTag = new Map((doc.tags ?? []).map((t) => [t.name, { ...t, ops: [] }]));
  const problems = new Map();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? 'other';
      if (!byTag.has(tag)) byTag.set(tag, { name: tag, ops: [] });
      byTag.get(tag).ops.push({ path, method, op, shared: item.parameters ?? [] });
      for (const [status, res] of Object.entries(op.responses ?? {}))
        for (const c of problemCodes(res.description)) {
          if (!problems.has(c)) problems.set(c, new Set());
          problems.get(c).add(status);
        }
    }
  }
  const opId = ({ path, method, op }) => op.operationId ?? `${method}-${path.replace(/[^\w]+/g, '-')}`;
  const operation = (o) => {
    const { path, method, op } = o;
    const params = [...o.shared, ...(op.parameters ?? [])];
    const security = op.security?.length
      ? `<p>Authentication: ${op.security.map((s) => Object.keys(s).map((k) => `<code>${escapeHtml(k)}</code>`)).join(' or ')} (${escapeHtml(
          Object.keys(op.security[0])
            .map((k) => doc.components?.securitySchemes?.[k]?.scheme ?? '')
            .join(''),
        )} token).</p>`
      : '';
    const body = op.requestBody
      ? Object.entries(op.requestBody.content ?? {})
          .map(
            ([type, c]) =>
              `<h4>Request body <span class="muted">(${escapeHtml(type)}${op.requestBody.required ? ', required' : ''})</span></h4>${schemaFields(md, c.schema, doc, 'Request body fields')}`,
          )
          .join('')
      : '';
    const responses = table(
      'Responses',
      ['Status', 'Description', 'Content type', 'Problem codes'],
      Object.entries(op.responses ?? {}).map(([status, r]) => [
        `<code>${escapeHtml(status)}</code>`,
        escapeHtml(r.description ?? ''),
        Object.keys(r.content ?? {})
          .map((t) => `<code>${escapeHtml(t)}</code>`)
          .join(' '),
        problemCodes(r.description)
          .map((c) => `<code>${escapeHtml(c)}</code>`)
          .join(', '),
      ]),
    );
    const ok = Object.entries(op.responses ?? {}).find(([s, r]) => /^2/.test(s) && r.content);
    const okSchema = ok && Object.values(ok[1].content)[0]?.schema;
    const okFields = okSchema
      ? `<details><summary>Response body <code>${escapeHtml(ok[0])}</code></summary>${schemaFields(md, okSchema, doc, `Fields of the ${escapeHtml(ok[0])} answer`)}</details>`
      : '';
    return `<section aria-labelledby="${escapeHtml(opId(o))}">
<h3 id="${escapeHtml(opId(o))}"><span class="method">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p>${op.summary ? md.renderInline(op.summary) : ''}</p>${op.description ? md.render(op.description) : ''}${security}
${
  params.length
    ? table(
        'Parameters',
        ['Name', 'In', 'Required', 'Type', 'Description'],
        params.map((p) => [
          `<code>${escapeHtml(p.name)}</code>`,
          escapeHtml(p.in),
          p.required ? 'yes' : 'no',
          schemaType(p.schema, doc),
          p.description ? md.renderInline(p.description) : p.schema?.description ? md.renderInline(p.schema.description) : '',
        ]),
      )
    : '<p class="muted">No parameters.</p>'
}
${body}
<h4>Responses</h4>
${responses}
${okFields}
</section>`;
  };
  const tags = [...byTag.values()].filter((t) => t.ops.length);
  const schemas = Object.entries(doc.components?.schemas ?? {});
  const body = `<h1>HTTP API reference</h1>
<p><span lang="id">Rujukan API server, dibuat dari <a href="openapi.json">openapi.json</a>.</span> ${escapeHtml(doc.info?.title ?? '')} ${escapeHtml(doc.info?.version ?? '')}, OpenAPI ${escapeHtml(doc.openapi ?? '')}.</p>
${doc.info?.description ? md.render(doc.info.description) : ''}
<nav aria-label="Operations"><ul>
${tags
  .map(
    (t) =>
      `<li><a href="#tag-${escapeHtml(t.name)}">${escapeHtml(t.name)}</a><ul>${t.ops.map((o) => `<li><a href="#${escapeHtml(opId(o))}">${o.method.toUpperCase()} ${escapeHtml(o.path)}</a></li>`).join('')}</ul></li>`,
  )
  .join('\n')}
<li><a href="#problems">Problem codes</a></li>
</ul></nav>
${tags
  .map(
    (t) =>
      `<h2 id="tag-${escapeHtml(t.name)}">${escapeHtml(t.name)}</h2>${t.description ? `<p>${md.renderInline(t.description)}</p>` : ''}\n${t.ops.map(operation).join('\n')}`,
  )
  .join('\n')}
<h2 id="problems">Problem codes</h2>
<p>Every error is <code>application/problem+json</code> (RFC 9457) with a stable <code>code</code>; the widgets translate the code. See also the errors section of <a href="server.html">the server guide</a>.</p>
${table(
  'Problem codes and the statuses they come with',
  ['Code', 'Status'],
  [...problems.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([c, s]) => [`<code>${escapeHtml(c)}</code>`, [...s].sort().join(', ')]),
)}
${schemas.map(([name, s]) => `<h3 id="schema-${escapeHtml(name)}">Schema <code>${escapeHtml(name)}</code></h3>${schemaFields(md, s, doc, `Fields of ${escapeHtml(name)}`)}`).join('\n')}`;
  return page({ path: 'openapi.html', lang: 'en', title: 'HTTP API reference', body });
}

// ---------------------------------------------------------------------------------------------
// SDK reference (typedoc)

/**
 * What typedoc 0.28's default theme gets wrong for axe, put right on each page it renders (through
 * its documented `PageEvent.END`, where a page's `contents` may be changed before it is written):
 *
 * - landmarks (`landmark-one-main`, `region`): the content column becomes `<main>` and the sidebar
 *   (settings, "On This Page", the site navigation) an `<aside>`; the theme's CSS and scripts find
 *   both by class, so the layout, the mobile menu and the search are unchanged;
 * - `nested-interactive`: a section heading inside an accordion's `<summary>` carries a permalink
 *   `<a>`, a link inside the summary's button. It is dropped: the heading keeps its `id` (links to
 *   it still land), and the summary stays one control that opens and closes the section;
 * - `heading-order`: the theme skips levels ("Hierarchy" is an `<h4>` under the `<h1>`, "Index" an
 *   `<h5>`). Each heading becomes at most one level below the one before it; a promoted heading
 *   keeps its former size through a `tsd-was-hN` class and a small style sheet;
 * - like the site's own pages, an empty icon, so a browser does not ask the server for a
 *   /favicon.ico it does not have (a 404 in the console).
 *
 * Each fix checks that the markup it rewrites is there, so a typedoc update that changes it fails
 * the build instead of quietly bringing the violations back.
 */
export function accessibleTypedocPage(html, url = 'page') {
  const once = (text, pattern, replacement, what) => {
    const n = text.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
    if (n !== 1) throw new Error(`typedoc page ${url}: expected ${what} once, found it ${n} times (typedoc's markup changed?)`);
    return text.replace(pattern, replacement);
  };
  let out = once(html, /<div class="col-content">/, '<main class="col-content">', 'the content column');
  out = once(out, /<\/div>(\s*)<div class="col-sidebar">/, '</main>$1<aside class="col-sidebar" aria-label="Sidebar">', 'the sidebar');
  out = once(
    out,
    /<\/nav><\/div>(\s*)<\/div>(\s*)<\/div>(\s*)<footer>/,
    '</nav></div>$1</aside>$2</div>$3<footer>',
    'the end of the sidebar',
  );
  out = out.replace(/<summary\b[^>]*>[\s\S]*?<\/summary>/g, (summary) =>
    summary.replace(/<a\b[^>]*\bclass="tsd-anchor-icon"[^>]*>[\s\S]*?<\/a>/g, ''),
  );
  let previous = 0;
  out = out.replace(/<h([1-6])\b([^>]*)>([\s\S]*?)<\/h\1>/g, (heading, level, attrs, inner) => {
    const was = Number(level);
    const now = Math.min(was, previous + 1);
    previous = now;
    if (now === was) return heading;
    const classed = /\bclass="/.test(attrs) ? attrs.replace(/\bclass="/, `class="tsd-was-h${was} `) : `${attrs} class="tsd-was-h${was}"`;
    return `<h${now}${classed}>${inner}</h${now}>`;
  });
  return once(out, /<\/head>/, `<link rel="icon" href="data:,"><style>${TYPEDOC_CSS}</style></head>`, 'the end of <head>');
}

/** Promoted headings look as they did (the theme's sizes and margins for h3 to h6); narrow screens. */
const TYPEDOC_CSS = [
  ['h3', '1.25rem', '1rem'],
  ['h4', '1.05rem', '1.33rem'],
  ['h5', '1rem', '1.5rem'],
  ['h6', '.875rem', '2.33rem'],
]
  .map(([h, size, margin]) => `.tsd-was-${h}{font-size:${size};margin:${margin} 0;padding:0}`)
  .concat('.tsd-accordion-summary>[class*="tsd-was-h"]{margin:0}')
  // A long name (`BOOKING_CODE_PATTERN`), URL or pattern breaks inside the title, code or signature box
  // instead of widening the page or making a box that scrolls but takes no keyboard focus.
  .concat('.col-content h1,.col-content code,.tsd-signature{overflow-wrap:anywhere}')
  .join('');

async function typedoc(out) {
  const app = await Application.bootstrapWithPlugins({ options: join(root, 'typedoc.json'), out }, [
    new TypeDocReader(),
    new TSConfigReader(),
  ]);
  app.renderer.on(PageEvent.END, (page) => {
    if (page.contents !== undefined) page.contents = accessibleTypedocPage(page.contents, page.url);
  });
  const project = await app.convert();
  if (!project) throw new Error('typedoc could not convert @mpp-kit/core (see above)');
  await app.generateDocs(project, out);
  if (app.logger.hasErrors()) throw new Error('typedoc reported errors (see above)');
}

// ---------------------------------------------------------------------------------------------

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Writes a brotli (quality 11) and a gzip (level 9) copy beside every text file; returns how many. */
function precompress(dir) {
  let n = 0;
  for (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const data = readFileSync(file);
    writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
    n++;
  }
  return n;
}

/**
 * Builds the whole site into `out`: first into a folder beside it, then swapped in, so a server
 * reading the old site never sees half of the new one.
 */
export async function buildSite({ out = join(root, SITE_DIR), api = true } = {}) {
  const t0 = Date.now();
  if (!existsSync(MANIFEST)) throw new Error(`${relative(root, MANIFEST)} is missing: run \`npm run build\` first.`);
  const tmp = `${out}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    return await buildInto(tmp, out, api, t0);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function buildInto(tmp, out, api, t0) {
  mkdirSync(join(tmp, 'elements'), { recursive: true });
  const write = (path, text) => {
    mkdirSync(dirname(join(tmp, path)), { recursive: true });
    writeFileSync(join(tmp, path), text);
  };

  const files = readdirSync(DOCS).filter((f) => f.endsWith('.md'));
  const guides = new Map(files.map((f) => [f, { source: readFileSync(join(DOCS, f), 'utf8') }]));
  for (const [f, g] of guides) g.title = titleOf(g.source, f);
  const md = markdown(guides);
  for (const [f, g] of guides) {
    const path = `${f.slice(0, -3)}.html`;
    write(path, page({ path, lang: INDONESIAN.has(f) ? 'id' : 'en', title: g.title, body: md.render(g.source) }));
  }

  const elements = elementsOf(JSON.parse(readFileSync(MANIFEST, 'utf8')));
  for (const el of elements) write(`elements/${el.tagName}.html`, elementPage(md, el));
  write('elements/index.html', elementsIndex(md, elements));
  write('openapi.html', openapiPage(md, JSON.parse(readFileSync(OPENAPI, 'utf8'))));
  write('site.css', CSS);
  for (const f of COPIED) cpSync(join(DOCS, f), join(tmp, f));
  if (existsSync(join(DOCS, 'img'))) cpSync(join(DOCS, 'img'), join(tmp, 'img'), { recursive: true });
  if (api) await typedoc(join(tmp, 'api'));
  // Last, so its time stamp says when the whole site was built (see docs-sources.mjs).
  write('index.html', indexPage(guides));
  const compressed = precompress(tmp);

  rmSync(out, { recursive: true, force: true });
  renameSync(tmp, out);
  const pages = filesUnder(out).filter((f) => f.endsWith('.html')).length;
  return { out, pages, guides: guides.size, elements: elements.length, compressed, ms: Date.now() - t0 };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, 'no-api': { type: 'boolean' } } });
  const r = await buildSite({ out: values.out ? resolve(values.out) : undefined, api: !values['no-api'] });
  console.log(
    `Docs site: ${relative(process.cwd(), r.out) || '.'}/ — ${r.pages} pages (${r.guides} guides, ${r.elements} elements, OpenAPI${
      values['no-api'] ? '' : ', SDK'
    }), ${r.compressed} files precompressed, ${r.ms} ms`,
  );
}
