// Static checks of the front end's own source against the CSP and the "text is never HTML"
// rule. The runtime tests cover behaviour; these catch a careless edit before it ships.

import { describe, expect, test } from 'vitest';
import indexHtml from '../index.html?raw';
import fontsCss from './fonts.css?raw';
import styleCss from './style.css?raw';
import packageJson from '../package.json';

const sources = import.meta.glob<string>(['./**/*.ts', '!./**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('source rules', () => {
  test('the glob found the modules', () => {
    expect(Object.keys(sources)).toContain('./app.ts');
    expect(Object.keys(sources)).toContain('./screens/home.ts');
  });

  test.each(Object.entries(sources))('%s parses no HTML and sets no inline style', (_path, source) => {
    const code = source
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('//'))
      .join('\n')
      // The SVG namespace is a name for createElementNS, never fetched: the one allowed URI.
      .replaceAll("'http://www.w3.org/2000/svg'", "'svg-namespace'");
    expect(code).not.toMatch(/\.(innerHTML|outerHTML)\s*=(?!\s*''\s*;)/);
    expect(code).not.toMatch(/insertAdjacentHTML|document\.write|DOMParser|createContextualFragment/);
    expect(code).not.toMatch(/\beval\(|new Function\(/);
    expect(code).not.toMatch(/\.style\.|setAttribute\(\s*['"]style['"]|['"]style['"]\s*:/);
    expect(code).not.toMatch(/__TAURI__\b/);
    expect(code).not.toMatch(/\b(?:https?|wss?):\/\//);
  });

  test('only ipc.ts talks to the shell', () => {
    for (const [path, source] of Object.entries(sources)) {
      if (path === './ipc.ts' || path === './test-support.ts') continue;
      expect(source, path).not.toMatch(/@tauri-apps\/api/);
    }
  });

  test('index.html has no inline script, no inline style and nothing remote', () => {
    expect(indexHtml).not.toMatch(/<style/i);
    expect(indexHtml).not.toMatch(/\sstyle=/i);
    expect(indexHtml).not.toMatch(/\son[a-z]+=/i);
    expect(indexHtml).not.toMatch(/\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
    const scripts = indexHtml.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? [];
    expect(scripts.length).toBe(1);
    for (const script of scripts) expect(script).toMatch(/^<script type="module" src="[^"]+"><\/script>$/);
  });

  test('the stylesheet loads nothing from elsewhere', () => {
    expect(styleCss).not.toMatch(/@import|url\(/i);
  });

  test('fonts come only from the pinned packages, as woff2, bundled into the app', () => {
    const urls = [...fontsCss.matchAll(/url\(([^)]*)\)/g)].map((match) => match[1]!.replace(/['"]/g, ''));
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(url).toMatch(/^@fontsource\/noto-sans(-arabic)?\/files\/[a-z0-9-]+\.woff2$/);
    }
    expect(fontsCss).not.toMatch(/@import/i);
    // Exact versions, so a build today and a build next year ship the same files.
    const deps: Record<string, string> = packageJson.dependencies;
    expect(deps['@fontsource/noto-sans']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(deps['@fontsource/noto-sans-arabic']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(styleCss).toMatch(/font-family: 'Noto Sans', 'Noto Sans Arabic'/);
  });
});
