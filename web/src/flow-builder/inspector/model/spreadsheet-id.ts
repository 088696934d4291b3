// People copy a sheet's address from the browser; the node needs the id inside it.
const SHEET_URL = /\/spreadsheets\/d\/([a-zA-Z0-9_-]+)/;

export function spreadsheetIdFrom(text: string): string {
  const match = SHEET_URL.exec(text);
  return match?.[1] ?? text.trim();
}
