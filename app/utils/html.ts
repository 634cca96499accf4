/**
 * Text made safe to write into markup by hand, escaped as React escapes text and attribute values
 * (`&`, `<`, `>`, `"`, `'`), so that markup written once as a string reads exactly as React would
 * have rendered it (the week card's level tiles, docs/decisions/0052).
 */
export function escapeHtml(text: string): string {
  return text.replace(/["'&<>]/g, (ch) => ESCAPES[ch as keyof typeof ESCAPES]);
}

const ESCAPES = { '"': "&quot;", "'": "&#x27;", "&": "&amp;", "<": "&lt;", ">": "&gt;" } as const;
