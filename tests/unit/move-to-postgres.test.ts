import { describe, expect, it } from 'vitest';
import { canonical, toPostgres } from '../../scripts/lib/move-to-postgres.ts';

describe('a SQLite value on its way into a PostgreSQL column', () => {
  it('turns Strapi\'s 0 and 1 into booleans and refuses anything else, naming the place', () => {
    expect(toPostgres(1, 'bool', 'x')).toBe(true);
    expect(toPostgres(0, 'bool', 'x')).toBe(false);
    expect(toPostgres(null, 'bool', 'x')).toBeNull();
    expect(() => toPostgres(2, 'bool', 'events.is_free (id 7)')).toThrow('events.is_free (id 7): "2" nie jest wartością logiczną');
  });

  it('reads datetimes as Strapi writes them (milliseconds) and as SQL writes them (UTC text)', () => {
    expect(toPostgres(1796603367820, 'timestamp', 'x')).toEqual(new Date(1796603367820));
    expect(toPostgres('1796603367820', 'timestamp', 'x')).toEqual(new Date(1796603367820));
    expect(toPostgres('2026-12-07 10:00:00', 'timestamp', 'x')).toEqual(new Date('2026-12-07T10:00:00Z'));
    expect(toPostgres('2026-12-07T10:00:00+01:00', 'timestamp', 'x')).toEqual(new Date('2026-12-07T09:00:00Z'));
    expect(() => toPostgres('jutro', 'timestamp', 'registrations.created_at (id 3)')).toThrow('registrations.created_at (id 3): "jutro" nie jest datą i godziną');
  });

  it('passes JSON through as text once it parses, and refuses broken JSON', () => {
    expect(toPostgres('{"a":1}', 'jsonb', 'x')).toBe('{"a":1}');
    expect(() => toPostgres('{a:1}', 'jsonb', 'files.formats (id 1)')).toThrow('files.formats (id 1): "{a:1}" nie jest poprawnym JSON-em');
  });
});

describe('comparing a value across the engines', () => {
  it('sees the same datetime, JSON, time and number however each engine returns it', () => {
    expect(canonical(1796603367820, 'timestamp')).toBe(canonical(new Date(1796603367820), 'timestamp'));
    expect(canonical('{"b":1, "a":[1,2]}', 'jsonb')).toBe(canonical({ a: [1, 2], b: 1 }, 'jsonb'));
    expect(canonical('09:00:00.000', 'time')).toBe(canonical('09:00:00', 'time'));
    expect(canonical('12', 'int8')).toBe(canonical(12, 'int8'));
    expect(canonical(1, 'bool')).toBe(canonical(true, 'bool'));
  });

  it('still tells different values apart', () => {
    expect(canonical(1796603367820, 'timestamp')).not.toBe(canonical(new Date(1796603367821), 'timestamp'));
    expect(canonical('{"a":[2,1]}', 'jsonb')).not.toBe(canonical({ a: [1, 2] }, 'jsonb'));
    expect(canonical('09:00:00.500', 'time')).not.toBe(canonical('09:00:00', 'time'));
    expect(canonical(0, 'bool')).not.toBe(canonical(true, 'bool'));
    expect(canonical('Kraków', 'varchar')).not.toBe(canonical('Krakow', 'varchar'));
  });
});
