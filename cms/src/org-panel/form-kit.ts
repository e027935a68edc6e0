/**
 * The panel's forms as data: each form is a list of fields, from which one module renders the HTML
 * (label, hint, the error next to the field, the summary on top) and reads the posted values into
 * the entry shape the Document Service writes. Pure, so the forms are tested without a server; the
 * project's own rules (validation/) then check the entry exactly as they check an editor's.
 */
import { DateTime } from 'luxon';
import { escapeHtml } from '../mail/letter';
import { CONTROL, CONTROL_IN_TEXT, formText, isStrictEmail } from '../public-forms/form-fields';
import { isHttpUrl } from '../validation/rules';

const TIME_ZONE = 'Europe/Warsaw';

export type FieldKind = 'text' | 'textarea' | 'email' | 'url' | 'tel' | 'date' | 'datetime' | 'integer' | 'decimal' | 'select' | 'checkbox' | 'checkboxes';

export interface Option {
  value: string;
  label: string;
}

export interface FieldSpec {
  /** The entry's path, dotted for components: `venue.address.street`. */
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  max?: number;
  min?: number;
  options?: readonly Option[];
  hint?: string;
  rows?: number;
}

export interface FormSection {
  legend?: string;
  fields: readonly FieldSpec[];
}

export interface FieldProblem {
  /** The field's name as in FieldSpec (and as Strapi's ValidationError path, joined by dots). */
  field: string;
  message: string;
}

export type FormValue = string | readonly string[] | boolean;
export type FormValues = Record<string, FormValue>;

const fieldsOf = (sections: readonly FormSection[]): FieldSpec[] => sections.flatMap((section) => section.fields);

/** The field's id in the page, usable in a `#` link from the error summary. */
export const fieldId = (name: string): string => `pole-${name.replace(/[^A-Za-z0-9]+/g, '-')}`;

/**
 * A field's posted value by its dotted name. Strapi's body parser (qs with dots allowed) nests
 * `venue.address.street` into objects; a client that sends it flat is read the same.
 */
function posted(body: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(body, name) ? body[name] : getPath(body, name.split('.'));
}

function rawList(body: Record<string, unknown>, name: string): string[] {
  const value = posted(body, name);
  // Past 20 repeated values the body parser (qs) makes an object of indexes instead of an array.
  const all = Array.isArray(value) ? value : typeof value === 'object' && value !== null ? Object.values(value) : value === undefined ? [] : [value];
  return all.filter((item): item is string => typeof item === 'string').map((item) => item.trim());
}

/** A Warsaw wall-clock `2026-12-10T18:00` (datetime-local) as an instant; null when it is not one. */
export function fromLocalDateTime(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const local = DateTime.fromISO(value, { zone: TIME_ZONE });
  return local.isValid ? (local.toUTC().toISO({ suppressMilliseconds: true }) ?? null) : null;
}

export function toLocalDateTime(value: unknown): string {
  if (typeof value !== 'string' && !(value instanceof Date)) return '';
  const instant = DateTime.fromJSDate(new Date(value), { zone: TIME_ZONE });
  return instant.isValid ? instant.toFormat("yyyy-MM-dd'T'HH:mm") : '';
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

function getPath(source: unknown, path: readonly string[]): unknown {
  let node: unknown = source;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

export interface Parsed {
  /** The entry as the Document Service takes it: components nested, empty components null. */
  data: Record<string, unknown>;
  /** What the person typed, to show the form again with the errors. */
  values: FormValues;
  problems: FieldProblem[];
}

/**
 * Reads exactly the fields the form has (anything else posted is ignored) and checks what a form
 * can check by itself: required, lengths, numbers, dates, e-mail and web addresses, known options.
 * A component whose fields are all empty becomes null, so an optional venue is not half-created.
 */
export function parseForm(sections: readonly FormSection[], body: Record<string, unknown>): Parsed {
  const data: Record<string, unknown> = {};
  const values: FormValues = {};
  const problems: FieldProblem[] = [];
  const problem = (spec: FieldSpec, message: string): void => {
    problems.push({ field: spec.name, message: `${spec.label}: ${message}` });
  };
  const components = new Map<string, boolean>();
  for (const spec of fieldsOf(sections)) {
    const path = spec.name.split('.');
    let value: unknown = null;
    if (spec.kind === 'checkbox') {
      const on = rawList(body, spec.name).length > 0;
      values[spec.name] = on;
      value = on;
    } else if (spec.kind === 'checkboxes') {
      const allowed = new Set((spec.options ?? []).map((option) => option.value));
      const chosen = [...new Set(rawList(body, spec.name))];
      values[spec.name] = chosen;
      if (chosen.some((item) => !allowed.has(item))) problem(spec, 'wybierz z listy.');
      if (spec.required && chosen.length === 0) problem(spec, 'zaznacz co najmniej jedno.');
      value = chosen.filter((item) => allowed.has(item));
    } else {
      const raw = formText({ value: posted(body, spec.name) }, 'value');
      values[spec.name] = raw;
      const multiline = spec.kind === 'textarea';
      if (raw === '') {
        if (spec.required) problem(spec, 'to pole jest wymagane.');
      } else if ((multiline ? CONTROL_IN_TEXT : CONTROL).test(raw)) {
        problem(spec, 'usuń znaki sterujące (np. wklejone z innego programu).');
      } else if (spec.max !== undefined && (spec.kind === 'text' || multiline || spec.kind === 'url' || spec.kind === 'tel' || spec.kind === 'email') && raw.length > spec.max) {
        problem(spec, `ma ${raw.length} znaków, a może mieć najwyżej ${spec.max}.`);
      } else {
        value = readValue(spec, raw, (message) => problem(spec, message));
      }
    }
    if (path.length > 1) {
      const component = path.slice(0, -1).join('.');
      const filled = value !== null && value !== false && !(Array.isArray(value) && value.length === 0);
      components.set(component, (components.get(component) ?? false) || filled);
    }
    setPath(data, path, value);
  }
  // An optional component left empty is removed rather than saved with empty required fields.
  for (const [component, filled] of [...components].sort((a, b) => b[0].length - a[0].length)) {
    if (!filled) setPath(data, component.split('.'), null);
  }
  return { data, values, problems };
}

function readValue(spec: FieldSpec, raw: string, refuse: (message: string) => void): unknown {
  switch (spec.kind) {
    case 'email':
      if (!isStrictEmail(raw)) return refuse('podaj poprawny adres e-mail, np. biuro@fundacja.org.pl.'), null;
      return raw;
    case 'url':
      if (!isHttpUrl(raw)) return refuse('podaj pełny adres zaczynający się od https://.'), null;
      return raw;
    case 'tel':
      if (!/^\+?[0-9 ()-]{9,20}$/.test(raw)) return refuse('podaj numer: cyfry, spacje, myślniki, ewentualnie + na początku.'), null;
      return raw;
    case 'date': {
      const date = DateTime.fromISO(raw, { zone: TIME_ZONE });
      if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || !date.isValid) return refuse('podaj datę w postaci RRRR-MM-DD.'), null;
      return raw;
    }
    case 'datetime': {
      const instant = fromLocalDateTime(raw);
      if (!instant) return refuse('podaj datę i godzinę (czasu krakowskiego).'), null;
      return instant;
    }
    case 'integer':
    case 'decimal': {
      const number = spec.kind === 'integer' ? (/^-?\d+$/.test(raw) ? Number(raw) : NaN) : Number(raw.replace(',', '.'));
      if (!Number.isFinite(number)) return refuse(spec.kind === 'integer' ? 'podaj liczbę całkowitą.' : 'podaj liczbę.'), null;
      if (spec.min !== undefined && number < spec.min) return refuse(`najmniej ${spec.min}.`), null;
      if (spec.max !== undefined && number > spec.max) return refuse(`najwyżej ${spec.max}.`), null;
      return number;
    }
    case 'select':
      if (!(spec.options ?? []).some((option) => option.value === raw)) return refuse('wybierz z listy.'), null;
      return raw;
    default:
      return raw;
  }
}

/** The form's values from a stored entry (to edit it): dates as Warsaw wall-clock time, relations as their documentIds. */
export function valuesOf(sections: readonly FormSection[], entry: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const spec of fieldsOf(sections)) {
    const value = getPath(entry, spec.name.split('.'));
    if (spec.kind === 'checkbox') values[spec.name] = value === true;
    else if (spec.kind === 'checkboxes') values[spec.name] = Array.isArray(value) ? value.map((item) => (typeof item === 'object' && item !== null ? String((item as Record<string, unknown>).documentId ?? '') : String(item))) : [];
    else if (spec.kind === 'datetime') values[spec.name] = toLocalDateTime(value);
    else values[spec.name] = value === null || value === undefined ? '' : String(value);
  }
  return values;
}

/** Strapi's ValidationError details (`errors[].path`) as the form's field problems; a path the form lacks goes to the summary only. */
export function problemsFromValidation(details: unknown, message: string): FieldProblem[] {
  const errors = typeof details === 'object' && details !== null && Array.isArray((details as { errors?: unknown }).errors) ? ((details as { errors: unknown[] }).errors) : [];
  const problems = errors
    .filter((error): error is { path: unknown[]; message: string } => typeof error === 'object' && error !== null && Array.isArray((error as { path?: unknown }).path) && typeof (error as { message?: unknown }).message === 'string')
    .map((error) => ({ field: error.path.map(String).join('.'), message: error.message }));
  return problems.length > 0 ? problems : [{ field: '', message }];
}

const attr = (name: string, value: string | number): string => ` ${name}="${escapeHtml(String(value))}"`;

function renderField(spec: FieldSpec, value: FormValue | undefined, problems: readonly FieldProblem[]): string {
  const id = fieldId(spec.name);
  const own = problems.filter((problem) => problem.field === spec.name);
  const hintId = spec.hint ? `${id}-hint` : '';
  const errorId = own.length > 0 ? `${id}-error` : '';
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  const aria = `${describedBy ? attr('aria-describedby', describedBy) : ''}${own.length > 0 ? ' aria-invalid="true"' : ''}`;
  const required = spec.required ? ' required' : '';
  const mark = spec.required ? ' <span class="required">(wymagane)</span>' : '';
  const hint = spec.hint ? `<p class="hint" id="${hintId}">${escapeHtml(spec.hint)}</p>` : '';
  const error = own.length > 0 ? `<p class="error" id="${errorId}">${own.map((problem) => escapeHtml(problem.message)).join('<br>')}</p>` : '';
  const text = typeof value === 'string' ? value : '';
  if (spec.kind === 'checkbox') {
    return `<div class="field field-checkbox">${hint}${error}<input type="checkbox" id="${id}"${attr('name', spec.name)} value="1"${value === true ? ' checked' : ''}${aria}> <label for="${id}">${escapeHtml(spec.label)}</label></div>`;
  }
  if (spec.kind === 'checkboxes') {
    const chosen = new Set(Array.isArray(value) ? value : []);
    const boxes = (spec.options ?? [])
      .map((option, index) => `<div class="choice"><input type="checkbox" id="${id}-${index}"${attr('name', spec.name)}${attr('value', option.value)}${chosen.has(option.value) ? ' checked' : ''}> <label for="${id}-${index}">${escapeHtml(option.label)}</label></div>`)
      .join('');
    return `<fieldset class="field" id="${id}"${aria}><legend>${escapeHtml(spec.label)}${mark}</legend>${hint}${error}${boxes}</fieldset>`;
  }
  const label = `<label for="${id}">${escapeHtml(spec.label)}${mark}</label>`;
  if (spec.kind === 'textarea') {
    return `<div class="field">${label}${hint}${error}<textarea id="${id}"${attr('name', spec.name)}${attr('rows', spec.rows ?? 6)}${spec.max ? attr('maxlength', spec.max) : ''}${required}${aria}>${escapeHtml(text)}</textarea></div>`;
  }
  if (spec.kind === 'select') {
    const options = [`<option value="">${spec.required ? '– wybierz –' : '– brak –'}</option>`, ...(spec.options ?? []).map((option) => `<option${attr('value', option.value)}${option.value === text ? ' selected' : ''}>${escapeHtml(option.label)}</option>`)].join('');
    return `<div class="field">${label}${hint}${error}<select id="${id}"${attr('name', spec.name)}${required}${aria}>${options}</select></div>`;
  }
  const type = { text: 'text', email: 'email', url: 'url', tel: 'tel', date: 'date', datetime: 'datetime-local', integer: 'number', decimal: 'text' }[spec.kind];
  const extra = `${spec.kind === 'integer' && spec.min !== undefined ? attr('min', spec.min) : ''}${spec.kind === 'integer' && spec.max !== undefined ? attr('max', spec.max) : ''}${spec.max !== undefined && spec.kind !== 'integer' ? attr('maxlength', spec.max) : ''}${spec.kind === 'decimal' ? ' inputmode="decimal"' : ''}${spec.kind === 'email' ? ' autocomplete="email"' : ''}`;
  return `<div class="field">${label}${hint}${error}<input type="${type}" id="${id}"${attr('name', spec.name)}${attr('value', text)}${extra}${required}${aria}></div>`;
}

/** The summary of problems on top of a form: each links to its field (WCAG 3.3.1). */
export function errorSummary(problems: readonly FieldProblem[]): string {
  if (problems.length === 0) return '';
  const items = problems.map((problem) => `<li>${problem.field ? `<a href="#${fieldId(problem.field)}">${escapeHtml(problem.message)}</a>` : escapeHtml(problem.message)}</li>`).join('');
  return `<div class="error-summary" role="alert" tabindex="-1" id="bledy"><h2>Popraw ${problems.length === 1 ? 'jedno pole' : `pola (${problems.length})`}</h2><ul>${items}</ul></div>`;
}

/** The fields of a form's sections, each section a fieldset with its legend. */
export function renderSections(sections: readonly FormSection[], values: FormValues, problems: readonly FieldProblem[]): string {
  // A problem whose field this form lacks is still shown, in the summary.
  return sections
    .map((section) => {
      const fields = section.fields.map((spec) => renderField(spec, values[spec.name], problems)).join('\n');
      return section.legend ? `<fieldset class="section"><legend>${escapeHtml(section.legend)}</legend>\n${fields}\n</fieldset>` : fields;
    })
    .join('\n');
}
