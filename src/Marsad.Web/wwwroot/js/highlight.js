// Article text with the spans of one event marked. Spans may overlap (actor1 and reported_by are often
// the same words) and arguments may lie outside the evidence sentence, so the text is cut at every span
// boundary and each piece is marked with all the roles that cover it. The pieces are text nodes:
// the article is untrusted and never parsed as markup.
import { el } from './dom.js';
import { roleLabel, t } from './i18n.js';

const SAFE_ROLE = /^[a-z0-9_]{1,40}$/;

/**
 * @param {string} text the article text as stored (offsets are UTF-16 code units, as String.slice counts)
 * @param {{evidence_span?: {start:number,end:number}, trigger_span?: {start:number,end:number}, arguments?: Record<string,{start:number,end:number}>}} event
 * @returns {HTMLElement} a <div> holding the text
 */
export function highlightedText(text, event) {
  const spans = [];
  const add = (role, span, kind) => {
    if (!span || !Number.isInteger(span.start) || !Number.isInteger(span.end)) return;
    const start = Math.max(0, Math.min(text.length, span.start));
    const end = Math.max(0, Math.min(text.length, span.end));
    if (end > start) spans.push({ role, start, end, kind });
  };
  if (event) {
    add('evidence', event.evidence_span, 'evidence');
    add('trigger', event.trigger_span, 'trigger');
    for (const [name, span] of Object.entries(event.arguments ?? {})) {
      // The trigger is listed among the arguments too; it is already marked.
      if (name !== 'trigger' && SAFE_ROLE.test(name)) add(name, span, 'arg');
    }
  }

  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const root = el('div', { class: 'article-text', dir: 'auto' });
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    const piece = text.slice(start, end);
    const covering = spans.filter((s) => s.start <= start && s.end >= end);
    if (covering.length === 0) {
      root.append(document.createTextNode(piece));
      continue;
    }
    const classes = ['hl'];
    const roles = [];
    for (const s of covering) {
      if (s.kind === 'evidence') classes.push('hl-evidence');
      else if (s.kind === 'trigger') classes.push('hl-trigger');
      else classes.push('hl-arg', 'hl-' + s.role);
      roles.push(s.kind === 'evidence' ? t('hlEvidence') : s.kind === 'trigger' ? t('hlTrigger') : roleLabel(s.role));
    }
    const mark = el('mark', { class: classes.join(' '), title: roles.join(' · '), dataset: { roles: covering.map((s) => s.role).join(' ') } }, piece);
    if (covering.some((s) => s.kind === 'evidence' && s.start === start)) mark.dataset.evidenceStart = '1';
    root.append(mark);
  }
  return root;
}

/** The roles present in an event's spans, for the article view's key. */
export function rolesOf(event) {
  const roles = [];
  if (event?.evidence_span) roles.push('evidence');
  if (event?.trigger_span) roles.push('trigger');
  for (const name of Object.keys(event?.arguments ?? {})) {
    if (name !== 'trigger' && SAFE_ROLE.test(name) && !roles.includes(name)) roles.push(name);
  }
  return roles;
}
