/** A written value read, or the one reason it cannot be; the caller places the reason at its path. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/** The platforms' readers answer a value or an explanation in its place: this says which it is. */
export function parsed<T extends object>(answer: T | string): Parsed<T> {
  return typeof answer === 'string' ? { ok: false, problem: answer } : { ok: true, value: answer };
}
