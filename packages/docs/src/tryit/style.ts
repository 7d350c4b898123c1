// The panel's look, injected with it (the page itself carries only the button's few rules).
export const PANEL_STYLE = `
#tryit-panel{position:fixed;top:0;right:0;bottom:0;width:min(1120px,96vw);z-index:1000;background:#fff;color:#1e293b;
  box-shadow:-8px 0 32px rgb(15 23 42/.25);display:flex;flex-direction:column;font:14px/1.45 ui-sans-serif,system-ui,sans-serif}
#tryit-panel[hidden]{display:none}
#tryit-panel header{display:flex;align-items:center;gap:.75rem;padding:.75rem 1rem;background:#0f172a;color:#fff}
#tryit-panel header .tryit-title{flex:1;font-weight:600}#tryit-panel header code{color:#c7d2fe}
#tryit-panel .tryit-target{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;padding:.6rem 1rem;border-bottom:1px solid #e2e8f0;background:#f8fafc}
#tryit-panel .tryit-columns{flex:1;display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);overflow:hidden}
#tryit-panel .tryit-left,#tryit-panel .tryit-samples{overflow:auto;padding:1rem}
#tryit-panel .tryit-samples{background:#f1f5f9;border-left:1px solid #e2e8f0}
#tryit-panel fieldset{border:1px solid #e2e8f0;border-radius:.4rem;margin:0 0 .75rem;padding:.5rem .75rem}
#tryit-panel legend{font-weight:600;text-transform:capitalize}
#tryit-panel label{display:grid;grid-template-columns:10rem 4.5rem 1fr;gap:.5rem;align-items:center;margin:.25rem 0}
#tryit-panel small{color:#64748b}.tryit-required{color:#dc2626;text-decoration:none}
#tryit-panel input,#tryit-panel select,#tryit-panel textarea{font:13px ui-monospace,Menlo,Consolas,monospace;padding:.3rem .4rem;border:1px solid #cbd5e1;border-radius:.3rem}
#tryit-panel textarea{width:100%;box-sizing:border-box;min-height:10rem}
#tryit-panel textarea[aria-invalid=true]{border-color:#dc2626;outline-color:#dc2626}
#tryit-panel .tryit-check{margin:.25rem 0 .75rem;font-size:.85rem}.tryit-check.bad{color:#b91c1c}.tryit-check.good{color:#15803d}
#tryit-panel button{font:600 13px system-ui,sans-serif;padding:.4rem .9rem;border-radius:.35rem;border:1px solid #cbd5e1;background:#fff;cursor:pointer}
#tryit-panel button.tryit-send{background:#4f46e5;border-color:#4f46e5;color:#fff}
#tryit-panel pre{background:#0f172a;color:#e2e8f0;border-radius:.4rem;padding:.6rem .8rem;overflow:auto;white-space:pre-wrap;word-break:break-word;margin:.25rem 0 .75rem}
#tryit-panel h4{margin:.75rem 0 .25rem;font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:#64748b}
#tryit-panel .tryit-status{font-weight:700}.tryit-status.ok{color:#15803d}.tryit-status.error{color:#b91c1c}
#tryit-panel .tryit-violations li{color:#b91c1c}
`;
