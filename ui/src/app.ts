// The app shell: title, then the files section, which shows loading, the list, or the error the
// backend reported. Takes its `Backend` as a parameter so tests can hand it a fake.

import type { Backend } from "./ipc";
import { isApiError } from "./ipc";
import { renderFileList } from "./files/file-list";

export async function mountApp(root: HTMLElement, backend: Backend): Promise<void> {
  const header = document.createElement("header");
  const title = document.createElement("h1");
  title.dataset.testid = "app-title";
  title.textContent = "Cuadra";
  header.append(title);

  const section = document.createElement("section");
  section.setAttribute("aria-labelledby", "files-heading");
  const heading = document.createElement("h2");
  heading.id = "files-heading";
  heading.textContent = "Imported files";
  const content = document.createElement("div");
  content.dataset.testid = "files-loading";
  content.setAttribute("aria-busy", "true");
  content.textContent = "Loading…";
  section.append(heading, content);

  const main = document.createElement("main");
  main.append(section);
  root.replaceChildren(header, main);

  try {
    content.replaceWith(renderFileList(await backend.listFiles()));
  } catch (error) {
    const alert = document.createElement("p");
    alert.className = "error";
    alert.setAttribute("role", "alert");
    alert.dataset.testid = "files-error";
    alert.textContent = isApiError(error)
      ? `Could not list the imported files: ${error.message}`
      : "Could not list the imported files.";
    content.replaceWith(alert);
  }
}
