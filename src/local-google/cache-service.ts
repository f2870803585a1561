import { FakeContext } from './auth-mode';
import { ScopedStores } from './scoped-stores';
import { utf8Length } from './utf8';

const MAX_VALUE_BYTES = 100 * 1024;
const MAX_KEY_LENGTH = 250;
const DEFAULT_TTL_SECONDS = 600;
const MAX_TTL_SECONDS = 21600; // 6 hours

/** A cache that forgets entries after their time to live, on the world's clock. */
export class FakeCache {
  private readonly entries = new Map<string, { value: string; expires: number }>();

  constructor(
    private readonly context: FakeContext,
    private readonly now: () => Date,
  ) {}

  get(key: string): string | null {
    this.context.call('Cache.get', 'storage');
    return this.live(key);
  }

  getAll(keys: readonly string[]): Record<string, string> {
    this.context.call('Cache.getAll', 'storage');
    const out: Record<string, string> = {};
    for (const key of keys) {
      const value = this.live(key);
      if (value !== null) out[key] = value;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds = DEFAULT_TTL_SECONDS): void {
    this.context.call('Cache.put', 'storage');
    this.store(key, value, expirationInSeconds);
  }

  putAll(values: Record<string, string>, expirationInSeconds = DEFAULT_TTL_SECONDS): void {
    this.context.call('Cache.putAll', 'storage');
    for (const [key, value] of Object.entries(values)) this.store(key, value, expirationInSeconds);
  }

  remove(key: string): void {
    this.context.call('Cache.remove', 'storage');
    this.entries.delete(key);
  }

  removeAll(keys: readonly string[]): void {
    this.context.call('Cache.removeAll', 'storage');
    for (const key of keys) this.entries.delete(key);
  }

  private store(key: string, value: string, seconds: number): void {
    if (key.length > MAX_KEY_LENGTH) throw new Error('Argument too large: key');
    if (utf8Length(String(value)) > MAX_VALUE_BYTES) throw new Error('Argument too large: value');
    const ttl = Math.min(Math.max(seconds, 1), MAX_TTL_SECONDS);
    this.entries.set(key, { value: String(value), expires: this.now().getTime() + ttl * 1000 });
  }

  private live(key: string): string | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expires <= this.now().getTime()) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }
}

export class FakeCacheService {
  constructor(
    private readonly stores: ScopedStores<FakeCache>,
    private readonly userEmail: string,
    private readonly context: FakeContext,
  ) {}

  getDocumentCache(): FakeCache {
    this.context.call('CacheService.getDocumentCache', 'storage');
    return this.stores.document;
  }

  getScriptCache(): FakeCache {
    this.context.call('CacheService.getScriptCache', 'storage');
    return this.stores.script;
  }

  getUserCache(): FakeCache {
    this.context.call('CacheService.getUserCache', 'storage');
    return this.stores.user(this.userEmail);
  }
}
