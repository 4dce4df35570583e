// The members' page style: system fonts only, readable on a phone, dark when the reader's is.
export const PAGE_CSS = `
:root { color-scheme: light dark; --bg: #fff; --fg: #1b1b1b; --muted: #555; --line: #ccc;
  --accent: #b3001b; --ok: #1e6b2f; --warn: #7a5500; --bad: #a0001a; --card: #f6f6f6; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #121212; --fg: #ececec; --muted: #b0b0b0; --line: #444;
    --accent: #ff8a95; --ok: #7fd88f; --warn: #f2c55c; --bad: #ff8a95; --card: #1e1e1e; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 46rem; padding: 1rem; background: var(--bg); color: var(--fg);
  font: 1.0625rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.1rem; margin: 0 0 0.5rem; overflow-wrap: anywhere; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
form { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: flex-end; }
.field { display: flex; flex-direction: column; flex: 1 1 14rem; }
.field:nth-child(2) { flex: 0 1 10rem; }
label { font-weight: 600; }
.help { color: var(--muted); font-size: 0.9rem; margin: 0.25rem 0 0; }
input, select, button, .button { font: inherit; padding: 0.55rem 0.7rem; border-radius: 0.4rem;
  border: 1px solid var(--line); background: var(--bg); color: var(--fg); min-height: 2.75rem; }
button, .button { background: var(--accent); color: var(--bg); border-color: var(--accent);
  font-weight: 600; cursor: pointer; text-decoration: none; display: inline-block; }
.field .help { order: 3; }
#answer { margin-top: 1rem; }
.problem { padding: 0.75rem; border-left: 4px solid var(--warn); background: var(--card); }
.result { padding: 0.75rem 1rem; margin: 1rem 0; border-radius: 0.5rem; background: var(--card);
  border-left: 6px solid var(--line); }
.result.allowed { border-left-color: var(--ok); }
.result.warning { border-left-color: var(--warn); }
.result.lapsed, .result.violation { border-left-color: var(--bad); }
.verdict { font-size: 1.1rem; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--card); padding: 0.75rem;
  border-radius: 0.4rem; font-size: 0.9rem; }
details { margin: 0.5rem 0; }
summary { cursor: pointer; padding: 0.25rem 0; }
.category ul { padding-left: 1.25rem; }
.category li { margin: 0.4rem 0; overflow-wrap: anywhere; }
button.copy { background: var(--bg); color: var(--accent); margin: 0.25rem 0; min-height: 2.5rem; }
#ended li { margin: 0.4rem 0; overflow-wrap: anywhere; }
.state, .decision { color: var(--muted); font-size: 0.95rem; }
#findings .violation, #findings .lapsed { color: var(--bad); }
`;
