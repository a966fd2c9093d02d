// Expected outcomes are values, never exceptions (house style, "Errors").
export type Failure<R extends string> = { readonly ok: false; readonly reason: R };
export type Outcome<T extends object, R extends string> = ({ readonly ok: true } & T) | Failure<R>;

export function fail<R extends string>(reason: R): Failure<R> {
  return { ok: false, reason };
}

export function succeed<T extends object>(value: T): { readonly ok: true } & T {
  return { ok: true, ...value };
}

export function hasText(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}
