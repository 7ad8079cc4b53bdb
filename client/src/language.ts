// The page dump language's id, as package.json contributes it.
export const LANGUAGE_ID = 'pagedump';
