/** Reading the fields of a posted public form; every form's parser goes through this. */

/** One text field of a urlencoded form, trimmed; '' when absent or not text. */
export function formText(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  // A field sent twice arrives as an array; the first value counts, like a browser's single field.
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
}
