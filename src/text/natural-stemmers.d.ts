/**
 * Our declarations for the natural submodules that src/text/natural.ts imports. Each module is CommonJS
 * and exports one stemmer object; we declare only the method we call, so no `any` leaks out.
 */

interface NaturalStemmer {
  /** Stems one word (lowercases it first, except the Spanish stemmer, which expects lowercase input). */
  stem(token: string): string;
}

declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const stemmer: NaturalStemmer;
  export default stemmer;
}

declare module 'natural/lib/natural/stemmers/porter_stemmer_fr.js' {
  const stemmer: NaturalStemmer;
  export default stemmer;
}

declare module 'natural/lib/natural/stemmers/porter_stemmer_es.js' {
  const stemmer: NaturalStemmer;
  export default stemmer;
}

declare module 'natural/lib/natural/stemmers/porter_stemmer_ru.js' {
  const stemmer: NaturalStemmer;
  export default stemmer;
}
