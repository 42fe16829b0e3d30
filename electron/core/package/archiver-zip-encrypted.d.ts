// archiver-zip-encrypted ships no types: it is an archiver format module (a constructor).
declare module 'archiver-zip-encrypted' {
  const format: (...args: unknown[]) => unknown;
  export default format;
}
