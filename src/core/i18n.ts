/** User-facing text: Chinese first, English second. Never concatenate translated fragments. */
export interface Bilingual {
  zh: string;
  en: string;
}

export const bi = (zh: string, en: string): Bilingual => ({ zh, en });
