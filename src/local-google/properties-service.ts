import { FakeContext } from './auth-mode';
import { ScopedStores } from './scoped-stores';
import { utf8Length } from './utf8';

/** Apps Script quotas: 9 KB a value, 500 KB a store (keys and values counted). */
export const PROPERTY_VALUE_LIMIT_BYTES = 9 * 1024;
export const PROPERTY_STORE_LIMIT_BYTES = 500 * 1024;

function storeBytes(values: ReadonlyMap<string, string>): number {
  let n = 0;
  for (const [k, v] of values) n += utf8Length(k) + utf8Length(v);
  return n;
}

/** One property store (document, script or one user's); values are always strings. */
export class FakeProperties {
  private readonly values = new Map<string, string>();

  constructor(private readonly context: FakeContext) {}

  getProperty(key: string): string | null {
    this.context.call('Properties.getProperty', 'storage');
    return this.values.get(key) ?? null;
  }

  getProperties(): Record<string, string> {
    this.context.call('Properties.getProperties', 'storage');
    return Object.fromEntries(this.values);
  }

  getKeys(): string[] {
    this.context.call('Properties.getKeys', 'storage');
    return [...this.values.keys()];
  }

  setProperty(key: string, value: unknown): FakeProperties {
    this.context.call('Properties.setProperty', 'storage');
    this.apply({ [key]: value }, false);
    return this;
  }

  /** All or nothing: a store over quota after the change keeps its old content. */
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): FakeProperties {
    this.context.call('Properties.setProperties', 'storage');
    this.apply(properties, deleteAllOthers);
    return this;
  }

  deleteProperty(key: string): FakeProperties {
    this.context.call('Properties.deleteProperty', 'storage');
    this.values.delete(key);
    return this;
  }

  deleteAllProperties(): FakeProperties {
    this.context.call('Properties.deleteAllProperties', 'storage');
    this.values.clear();
    return this;
  }

  /** Bytes used, as the quota counts them (keys + values). */
  bytesUsed(): number {
    return storeBytes(this.values);
  }

  private apply(properties: Record<string, unknown>, deleteAllOthers: boolean): void {
    const next = new Map(deleteAllOthers ? [] : this.values);
    for (const [key, raw] of Object.entries(properties)) {
      const value = String(raw);
      if (utf8Length(value) > PROPERTY_VALUE_LIMIT_BYTES) throw new Error('Argument too large: value');
      next.set(key, value);
    }
    if (storeBytes(next) > PROPERTY_STORE_LIMIT_BYTES) {
      throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
    this.values.clear();
    for (const [k, v] of next) this.values.set(k, v);
  }
}

export class FakePropertiesService {
  constructor(
    private readonly stores: ScopedStores<FakeProperties>,
    private readonly userEmail: string,
    private readonly context: FakeContext,
    private readonly inDocument: boolean,
  ) {}

  getDocumentProperties(): FakeProperties | null {
    this.context.call('PropertiesService.getDocumentProperties', 'storage');
    return this.inDocument ? this.stores.document : null;
  }

  getScriptProperties(): FakeProperties {
    this.context.call('PropertiesService.getScriptProperties', 'storage');
    return this.stores.script;
  }

  getUserProperties(): FakeProperties {
    this.context.call('PropertiesService.getUserProperties', 'storage');
    return this.stores.user(this.userEmail);
  }
}
