import { createRequire } from 'node:module';

/**
 * The cover letter embeds Noto Sans (SIL Open Font License 1.1, which allows embedding in
 * documents) from the @expo-google-fonts/noto-sans package, so it works offline and the
 * letter renders every letter a Norwegian name can hold: æ ø å, and the Sámi á č đ ŋ š ŧ ž
 * that the PDF standard fonts (WinAnsi) cannot show. pdfkit embeds only the glyphs used, with
 * a ToUnicode map, so the text can be copied and searched.
 */
const require = createRequire(import.meta.url);
const pkg = '@expo-google-fonts/noto-sans';

export interface LetterFonts {
  regular: string;
  bold: string;
  italic: string;
}

export function letterFonts(): LetterFonts {
  return {
    regular: require.resolve(`${pkg}/400Regular/NotoSans_400Regular.ttf`),
    bold: require.resolve(`${pkg}/700Bold/NotoSans_700Bold.ttf`),
    italic: require.resolve(`${pkg}/400Regular_Italic/NotoSans_400Regular_Italic.ttf`),
  };
}
