// Entry point: wires the real Tauri backend into the app.

import "./styles.css";
import { mountApp } from "./app";
import { createTauriBackend } from "./ipc";

const root = document.getElementById("app");
if (root) void mountApp(root, createTauriBackend());
