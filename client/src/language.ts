// The page dump language, as package.json contributes it.
export const LANGUAGE_ID = 'pagedump';
/** The file name endings the language claims (package.json `contributes.languages[].extensions`). */
export const EXTENSIONS: readonly string[] = ['.pagedump', '.page.txt'];
