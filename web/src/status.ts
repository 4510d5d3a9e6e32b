import { el, replace } from "./dom.js";

let pending = 0;

/** Show the state of a long operation in the live status bar; returns a function to clear it. */
export function showBusy(label: string): () => void {
  const status = document.getElementById("status")!;
  pending++;
  replace(status, el("progress", { "aria-label": label }), " ", label);
  status.classList.add("busy");
  return () => {
    pending = Math.max(0, pending - 1);
    if (!pending) {
      status.classList.remove("busy");
      replace(status);
    }
  };
}

/** Say something in the status bar (an error or a done message). */
export function say(message: string, kind: "info" | "error" = "info"): void {
  const status = document.getElementById("status")!;
  status.classList.toggle("error", kind === "error");
  replace(status, message);
}
