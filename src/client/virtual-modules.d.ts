// The one bridge from the build to the browser.
declare module 'virtual:deck' {
  const deck: import('../shared/deck.js').Deck;
  export default deck;
}
declare module 'virtual:deck-font.css';
