// Texts every patient letter shares: the page count at the foot of a page.
import { defineTexts } from './template';

export const COMMON_TEXTS = defineTexts({
  pageOf: { en: 'Page {page} of {pages}', es: 'Página {page} de {pages}' },
});
