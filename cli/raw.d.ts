/** Vite's `?raw` imports: the file's text (the fleet page inlines uPlot with it). */
declare module '*?raw' {
  const text: string;
  export default text;
}
