export function cachedAnsiRegex(source: string): string;
export function rememberedStringWidth(source: string): string;
export const bundlePatches: { name: string; setup(build: unknown): void };
export function leanCellOptions(source: string): string;
