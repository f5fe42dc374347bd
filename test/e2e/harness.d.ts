/** Types of harness.js (plain CommonJS so that bench/pane.js can use it without compiling). */
import type { Browser, Page } from 'playwright-core';

export const REPO_ROOT: string;
export const CHROMIUM: string;
export const CHROMIUM_ARGS: readonly string[];
export function buildPane(outDir: string, mode?: 'production' | 'development'): void;
export function serve(root: string): Promise<{ origin: string; close(): Promise<void> }>;
export function launchChromium(): Promise<Browser>;
export function keepLocal(page: Page, origin: string, answer?: (url: string) => string | undefined): Promise<void>;
export function gzipSize(file: string): number;
