import { fileURLToPath } from "node:url";
import path from "node:path";

/** The SDK's root folder (the checkout or the installed npm package). */
export const SDK_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const sdkPath = (...p: string[]) => path.join(SDK_ROOT, ...p);
