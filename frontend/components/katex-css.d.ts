// The KaTeX style sheet is imported for its side effect (Vite adds it to the page).
declare module 'katex/dist/katex.min.css';
