/** A JSON object as stored and answered. */
export type JsonObject = Record<string, any>;

/** One resource: the body ARM answers (minus what is derived at read time) and private links. */
export interface StoredResource {
  /** The ARM id, in the casing the resource was created with. */
  id: string;
  /** The resource type in Azure's casing, e.g. "Microsoft.Network/privateEndpoints". */
  type: string;
  body: JsonObject;
  /** Facts the emulator keeps about the resource that ARM does not show. */
  internal: JsonObject;
}

/**
 * The emulator's resources, keyed by lower-case ARM id: ARM ids are case-insensitive, but
 * answers keep the casing the resource was created with.
 */
export class ResourceStore {
  #resources = new Map<string, StoredResource>();

  get(id: string): StoredResource | undefined {
    return this.#resources.get(id.toLowerCase());
  }

  has(id: string): boolean {
    return this.#resources.has(id.toLowerCase());
  }

  put(resource: StoredResource): StoredResource {
    this.#resources.set(resource.id.toLowerCase(), resource);
    return resource;
  }

  delete(id: string): boolean {
    return this.#resources.delete(id.toLowerCase());
  }

  /** Removes the resource and everything whose id lies below it. */
  deleteTree(id: string): void {
    const prefix = `${id.toLowerCase()}/`;
    for (const key of [...this.#resources.keys()]) {
      if (key === id.toLowerCase() || key.startsWith(prefix)) this.#resources.delete(key);
    }
  }

  /** Resources of a type, optionally below an id prefix (a subscription, group or parent). */
  list(type: string, under?: string): StoredResource[] {
    const wantedType = type.toLowerCase();
    const prefix = under === undefined ? undefined : `${under.toLowerCase()}/`;
    return [...this.#resources.entries()]
      .filter(
        ([key, r]) => r.type.toLowerCase() === wantedType && (!prefix || key.startsWith(prefix)),
      )
      .map(([, r]) => r);
  }

  /** Every resource, for global lookups such as name uniqueness. */
  all(): StoredResource[] {
    return [...this.#resources.values()];
  }
}
