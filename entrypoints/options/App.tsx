/** Options page: highlight settings (filled in with the highlighter). */
export function App() {
  return (
    <main>
      <h1>Inspection Lens options</h1>
    </main>
  );
}
