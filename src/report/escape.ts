const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escape text for HTML and XML content and attribute values: data is always text.
 * @example escapeHtml("<img src=x>") // "&lt;img src=x&gt;"
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/**
 * Escape text for Markdown so that names cannot add links, HTML or emphasis.
 * @example escapeMarkdown("*Kupol* <b>") // "\\*Kupol\\* &lt;b\\>"
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]|~>]/g, (char) => `\\${char}`)
    .replace(/</g, "&lt;")
    .replace(/\r?\n/g, " ");
}
