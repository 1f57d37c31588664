export function App() {
  return (
    <main>
      <h1>ElastiCache Simulator</h1>
    </main>
  );
}
