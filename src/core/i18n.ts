/** Messages and labels in Chinese and English. One switch: --lang, defaulting from the locale. */
export type Lang = 'zh' | 'en';
export interface Messages {
  zh: Record<string, string>;
  en: Record<string, string>;
  /** The register's own words (states, kinds) as stored, with their English: used when a message under en names one. */
  terms?: Record<string, string>;
}
/** A label in both languages; columns and states carry one. */
export interface Label {
  zh: string;
  en: string;
}

let current: Lang = 'en';
const catalog = { zh: {} as Record<string, string>, en: {} as Record<string, string>, terms: {} as Record<string, string> };

export function addMessages(m: Messages): void {
  Object.assign(catalog.zh, m.zh);
  Object.assign(catalog.en, m.en);
  Object.assign(catalog.terms, m.terms ?? {});
}

export function setLang(lang: Lang): void {
  current = lang;
}

export function getLang(): Lang {
  return current;
}

/** zh for a Chinese locale (LC_ALL, then LC_MESSAGES, then LANG), en otherwise. */
export function detectLang(env: Record<string, string | undefined>): Lang {
  const loc = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(loc) ? 'zh' : 'en';
}

/**
 * The message for a key, with {name} placeholders filled; the key itself if no catalogue has it.
 * `{name|one|many}` is a word that agrees with the count `name`: `{count} {count|document|documents}`
 * reads "1 document", "2 documents" (English needs it; Chinese does not).
 */
export function t(key: string, params: Record<string, unknown> = {}): string {
  const template = catalog[current][key] ?? catalog.en[key] ?? key;
  const value = (v: unknown) => {
    if (current !== 'en' || typeof v !== 'string') return String(v);
    const parts = v.split('、'); // a list of register words: 已登记、传阅中
    return parts.every((p) => p in catalog.terms) ? parts.map((p) => catalog.terms[p]).join(', ') : v;
  };
  return template.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (m, name: string, one?: string, many?: string) => {
    if (!(name in params)) return m;
    return one === undefined ? value(params[name]) : Number(params[name]) === 1 ? one : many!;
  });
}

/** Whether a catalogue has the key (in the given language). */
export function hasMessage(key: string, lang: Lang): boolean {
  return key in catalog[lang];
}

export function label(l: Label): string {
  return l[current];
}

/** How a column shows a register's stored word (a state, a kind) in the current language; an unknown word as it is. */
export function wordsText(words: Record<string, Label>): (value: unknown) => string {
  return (value) => {
    const l = words[String(value)];
    return l ? label(l) : String(value);
  };
}

/** A yes/no cell in the current language: 是/否, yes/no (JSON keeps the boolean). */
export function yesNo(value: unknown): string {
  return label(value ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' });
}
