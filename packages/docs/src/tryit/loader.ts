// The only Try-it code a reference page loads up front: a `Try it` button on every operation Redoc
// renders (its sections come and go as the reader scrolls, so they are watched). The panel and the
// simulator are a separate chunk, imported on the first click.
type PanelModule = typeof import("./panel.js");

let panel: Promise<PanelModule> | undefined;
let scheduled = false;

const STYLE = `.tryit-open{margin:.25rem 0 .75rem;padding:.35rem .9rem;border-radius:.4rem;border:1px solid #4f46e5;
background:#4f46e5;color:#fff;font:600 .85rem system-ui,sans-serif;cursor:pointer}.tryit-open:hover{background:#3730a3}`;

function addButtons(): void {
  scheduled = false;
  for (const section of document.querySelectorAll<HTMLElement>('[data-item-kind="httpItem"][id]')) {
    const heading = section.querySelector('[data-component-name="Typography/H2"]');
    if (!heading || heading.nextElementSibling?.classList.contains("tryit-open")) continue;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "tryit-open";
    button.textContent = "Try it";
    button.dataset.anchor = section.id;
    button.addEventListener("click", () => {
      panel ??= import("./panel.js");
      void panel.then((module) => module.openPanel(section.id));
    });
    heading.after(button);
  }
}

// once per frame at most: Redoc renders in bursts
const schedule = () => {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(addButtons);
};

const style = document.createElement("style");
style.textContent = STYLE;
document.head.append(style);
new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true });
schedule();
