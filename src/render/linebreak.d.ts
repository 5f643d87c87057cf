// The part of the linebreak package's API the PDF renderer uses (the package ships no types).
declare module 'linebreak' {
  interface Break {
    readonly position: number;
    readonly required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
