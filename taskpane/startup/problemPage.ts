/**
 * A problem (problems.ts) as the whole page, in plain DOM: it must show where the pane's bundle
 * and React never load, and text goes in as text (no markup from anywhere).
 */
import type { Problem } from "./problems";

export function showProblem(container: HTMLElement, problem: Problem): void {
  const doc = container.ownerDocument;
  doc.documentElement.lang = problem.language;
  const main = doc.createElement("main");
  main.setAttribute("role", "alert");
  main.dataset.testid = "startup-problem";
  main.dataset.problem = problem.kind;
  main.style.cssText =
    "font-family: 'Segoe UI', system-ui, sans-serif; padding: 16px; line-height: 1.4;";
  const title = doc.createElement("h1");
  title.style.fontSize = "1.25rem";
  title.textContent = problem.title;
  main.append(title);
  for (const text of problem.paragraphs) {
    const p = doc.createElement("p");
    p.textContent = text;
    main.append(p);
  }
  if (problem.list) {
    const ul = doc.createElement("ul");
    for (const text of problem.list) {
      const li = doc.createElement("li");
      li.textContent = text;
      ul.append(li);
    }
    main.append(ul);
  }
  container.replaceChildren(main);
}
