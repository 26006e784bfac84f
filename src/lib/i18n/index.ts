// The message catalog: every UI string comes from here, keyed and typed, so a translation is one new file.
// `t` fills {placeholders} with plain text; nothing here is ever rendered as HTML.
import { en } from './en';

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

let active: Messages = en;

/** Switches the catalog (for future languages); missing keys fall back to English. */
export function useMessages(messages: Partial<Messages>): void {
  active = { ...en, ...messages };
}

export function t(key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
  const template = active[key] ?? en[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
