/** Progress lines with elapsed time, so long commands show what they are doing. */
export function step<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  process.stdout.write(`▸ ${label}…\n`);
  return work().then(
    (result) => {
      process.stdout.write(`✔ ${label} (${formatMs(performance.now() - started)})\n`);
      return result;
    },
    (error: unknown) => {
      process.stdout.write(`✖ ${label} (${formatMs(performance.now() - started)})\n`);
      throw error;
    },
  );
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function info(message: string): void {
  process.stdout.write(`  ${message}\n`);
}

const polishPlural = new Intl.PluralRules('pl');

/** "1 plik", "3 pliki", "5 plików": a count with its Polish noun. */
export function count(n: number, one: string, few: string, many: string): string {
  const form = polishPlural.select(n);
  return `${n} ${form === 'one' ? one : form === 'few' ? few : many}`;
}

export const tables = (n: number): string => count(n, 'tabela', 'tabele', 'tabel');
export const rows = (n: number): string => count(n, 'wiersz', 'wiersze', 'wierszy');
export const files = (n: number): string => count(n, 'plik', 'pliki', 'plików');
