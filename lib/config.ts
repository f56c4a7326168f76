/**
 * Configuration is read once, from the environment, and validated as a whole:
 * a bad value stops the process with one message naming every variable that is wrong.
 */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads one variable: returns its value, or throws a message (without the variable's name). */
export type Reader<T> = (raw: string | undefined) => T;

export function port(fallback: number): Reader<number> {
  return (raw) => {
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0 || value > 65535) {
      throw new Error(`must be a port number from 0 to 65535, got "${raw}"`);
    }
    return value;
  };
}

export function url(fallback?: string): Reader<string> {
  return (raw) => {
    const value = raw === undefined || raw === '' ? fallback : raw;
    if (value === undefined) throw new Error('is required (an http:// or https:// URL)');
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      throw new Error(`must be an absolute URL, got "${value}"`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new Error(`must be an http:// or https:// URL, got "${value}"`);
    }
    return value.replace(/\/+$/, '');
  };
}

export function text(fallback: string): Reader<string> {
  return (raw) => (raw === undefined || raw === '' ? fallback : raw);
}

export function positiveInteger(fallback: number): Reader<number> {
  return (raw) => {
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`must be a positive integer, got "${raw}"`);
    return value;
  };
}

/** A whole number, 0 included; `unit` names what it counts in the message (`seconds`). */
export function nonNegativeInteger(fallback: number, unit?: string): Reader<number> {
  return (raw) => {
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0) throw new Error(`must be a whole number${unit ? ` of ${unit}` : ''} (0 or more), got "${raw}"`);
    return value;
  };
}

export function oneOf<const T extends string>(values: readonly T[], fallback: T): Reader<T> {
  return (raw) => {
    if (raw === undefined || raw === '') return fallback;
    if (!(values as readonly string[]).includes(raw)) {
      throw new Error(`must be one of ${values.join(', ')}, got "${raw}"`);
    }
    return raw as T;
  };
}

type Spec = Record<string, Reader<unknown>>;
export type ConfigOf<S extends Spec> = { [K in keyof S]: ReturnType<S[K]> };

/** Reads every variable the spec names; throws one ConfigError listing all the bad ones. */
export function readConfig<S extends Spec>(spec: S, env: NodeJS.ProcessEnv = process.env): ConfigOf<S> {
  const problems: string[] = [];
  const config: Record<string, unknown> = {};
  for (const [name, read] of Object.entries(spec)) {
    try {
      config[name] = read(env[name]);
    } catch (error) {
      problems.push(`${name} ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config as ConfigOf<S>;
}
