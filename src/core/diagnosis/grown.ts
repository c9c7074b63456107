type Typed = Int32Array | Uint32Array | Uint8Array | Uint16Array | Float64Array;

/** A copy of `array` with room for `size` elements (the rest 0): how the engine's buffers grow. */
export function grown<T extends Typed>(array: T, size: number): T {
  const out = new (array.constructor as new (n: number) => T)(size);
  out.set(array);
  return out;
}
