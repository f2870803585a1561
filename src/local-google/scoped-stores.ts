/**
 * The document, script and per-user instances of a store (Properties, Cache), shared by every
 * execution of one world; each execution picks its user's.
 */
export class ScopedStores<T> {
  readonly document: T;
  readonly script: T;
  private readonly users = new Map<string, T>();

  constructor(private readonly create: () => T) {
    this.document = create();
    this.script = create();
  }

  user(email: string): T {
    let store = this.users.get(email);
    if (!store) this.users.set(email, (store = this.create()));
    return store;
  }
}
