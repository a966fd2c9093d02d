// A small typed in-process event bus (decision 029). A module that changes something publishes what changed
// inside its own transaction; the modules that care subscribe. Subscribers run one after another, in the order
// they were subscribed, in the publisher's transaction: what they write commits or rolls back with the change.

/** Per topic: what the publisher hands over, and what each subscriber may answer (`void` when nothing). */
export type EventMap = Record<string, { event: unknown; reply: unknown }>;

export type Subscriber<Ctx, E extends EventMap, K extends keyof E> = (
  ctx: Ctx,
  event: E[K]['event'],
) => Promise<E[K]['reply']> | E[K]['reply'];

export type EventBus<Ctx, E extends EventMap> = {
  /** Which bus this is, for error messages ("complaint events"). */
  readonly name: string;
  /** Adds a subscriber; returns a function that removes it again. */
  subscribe<K extends keyof E & string>(
    topic: K,
    subscriber: string,
    handle: Subscriber<Ctx, E, K>,
  ): () => void;
  /** Called once by the composition root when every subscriber is in place; publishing before that fails. */
  markRegistered(): void;
  readonly registered: boolean;
  /** Runs the topic's subscribers in order and returns their answers; the first error stops it and is thrown. */
  publish<K extends keyof E & string>(ctx: Ctx, topic: K, event: E[K]['event']): Promise<E[K]['reply'][]>;
  /** Who listens to what, in delivery order (for docs and tests). */
  subscriptions(): { topic: string; subscriber: string }[];
};

export class EventBusNotRegisteredError extends Error {
  constructor(bus: string, topic: string) {
    super(
      `${bus}: '${topic}' was published before the subscribers were registered; call registerSubscribers() ` +
        'at the entry point (src/server/events/register-subscribers.ts), or its messages would be lost',
    );
    this.name = 'EventBusNotRegisteredError';
  }
}

export function createEventBus<Ctx, E extends EventMap>(name: string): EventBus<Ctx, E> {
  type Entry = { topic: string; subscriber: string; handle: (ctx: Ctx, event: unknown) => unknown };
  let entries: Entry[] = [];
  let registered = false;
  return {
    name,
    subscribe(topic, subscriber, handle) {
      if (entries.some((e) => e.topic === topic && e.subscriber === subscriber))
        throw new Error(`${name}: '${subscriber}' already subscribes to '${topic}'`);
      const entry: Entry = { topic, subscriber, handle: handle as Entry['handle'] };
      entries = [...entries, entry];
      return () => {
        entries = entries.filter((e) => e !== entry);
      };
    },
    markRegistered() {
      registered = true;
    },
    get registered() {
      return registered;
    },
    async publish(ctx, topic, event) {
      if (!registered) throw new EventBusNotRegisteredError(name, topic);
      const replies = [];
      // A snapshot: a subscriber added or removed while this runs takes effect from the next publish
      for (const entry of entries.filter((e) => e.topic === topic))
        replies.push((await entry.handle(ctx, event)) as E[typeof topic]['reply']);
      return replies;
    },
    subscriptions() {
      return entries.map(({ topic, subscriber }) => ({ topic, subscriber }));
    },
  };
}
