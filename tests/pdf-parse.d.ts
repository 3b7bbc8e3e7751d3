// pdf-parse's entry point without the debug code its index runs when loaded as the main module.
declare module 'pdf-parse/lib/pdf-parse.js' {
  import pdf from 'pdf-parse';
  export default pdf;
}
