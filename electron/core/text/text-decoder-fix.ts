import { decodeWindows1252 } from './windows-1252';

/**
 * Makes the global TextDecoder decode Windows-1252 as the Encoding Standard says, on Node
 * versions where it does not (see windows-1252.ts). Our own readers call textDecoder(); this
 * is for libraries that use the global directly, above all the e-mail parser: Outlook writes
 * most Norwegian mail as windows-1252 or iso-8859-1 (the same decoder), and without it a
 * message's ’ – “ ” € would reach the package as invisible control characters.
 * Only installed where the runtime is wrong, so a fixed Node.js runs untouched.
 */
export function fixWindows1252Decoding(): void {
  const Native = globalThis.TextDecoder;
  if (new Native('windows-1252').decode(Uint8Array.of(0x80)) === '\u20ac') return;
  class Windows1252AwareDecoder extends Native {
    private readonly windows1252: boolean;
    constructor(label?: string, options?: ConstructorParameters<typeof Native>[1]) {
      super(label, options);
      this.windows1252 = this.encoding === 'windows-1252';
    }
    override decode(input?: Parameters<InstanceType<typeof Native>['decode']>[0], options?: Parameters<InstanceType<typeof Native>['decode']>[1]): string {
      if (!this.windows1252 || input === undefined || input === null) return super.decode(input, options);
      const bytes = ArrayBuffer.isView(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : new Uint8Array(input);
      return decodeWindows1252(bytes);
    }
  }
  globalThis.TextDecoder = Windows1252AwareDecoder;
}
