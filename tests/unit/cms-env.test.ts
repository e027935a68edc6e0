import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureCmsEnv, parseEnv } from '../../scripts/lib/cms-env.ts';

const SECRET_NAMES = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY', 'PREVIEW_SECRET', 'REBUILD_SECRET', 'REGISTRATION_SECRET'];

describe('cms/.env secrets', () => {
  const tempFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'co-env-')), '.env');

  it('generates every missing secret on first run', () => {
    const file = tempFile();
    const saved = SECRET_NAMES.map((name) => [name, process.env[name]] as const);
    for (const name of SECRET_NAMES) delete process.env[name];
    try {
      expect(ensureCmsEnv(file).sort()).toEqual([...SECRET_NAMES].sort());
      const values = parseEnv(readFileSync(file, 'utf8'));
      for (const name of SECRET_NAMES) expect(values[name]?.length ?? 0).toBeGreaterThan(20);
      expect(values.APP_KEYS!.split(',')).toHaveLength(4);
    } finally {
      for (const [name, value] of saved) if (value !== undefined) process.env[name] = value;
    }
  });

  it('reads values the way dotenv does: quotes kept whole, inline comments dropped', () => {
    expect(parseEnv('PORT=1400   # admin port\nHOST="0.0.0.0 # not a comment"\nAPP_KEYS=  # generated\nexport LOG_LEVEL=warn\n# PORT=1\n')).toEqual({
      PORT: '1400',
      HOST: '0.0.0.0 # not a comment',
      APP_KEYS: '',
      LOG_LEVEL: 'warn',
    });
  });

  it('keeps what is already there and generates nothing on a second run', () => {
    const file = tempFile();
    writeFileSync(file, 'PORT=1400\nJWT_SECRET="keep-me"\n');
    ensureCmsEnv(file);
    const first = readFileSync(file, 'utf8');
    expect(parseEnv(first).PORT).toBe('1400');
    expect(parseEnv(first).JWT_SECRET).toBe('keep-me');
    expect(ensureCmsEnv(file)).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(first);
  });
});
