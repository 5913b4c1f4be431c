export default defineBackground(() => {
  // Wiring lands with the message router (src/messaging).
});
