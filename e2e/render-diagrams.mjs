// Renders every model in bpmn/ to docs/images/<model>.png with bpmn-js in the same headless Chromium as the
// browser tests, and records the SHA-256 of the model it was drawn from in docs/images/<model>.png.sha256.
// DiagramImagesTest fails when a model changed after its picture was drawn. Usage: node e2e/render-diagrams.mjs
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO, browser } from './lib/harness.mjs';

const require = createRequire(import.meta.url);
const VIEWER = require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js');
const IMAGES = join(REPO, 'docs', 'images');
mkdirSync(IMAGES, { recursive: true });

const context = await browser();
try {
  const page = context.pages()[0] || await context.newPage();
  for (const file of readdirSync(join(REPO, 'bpmn')).filter(name => name.endsWith('.bpmn')).sort()) {
    const xml = readFileSync(join(REPO, 'bpmn', file), 'utf8');
    await page.setContent('<html><body style="margin:0;background:#fff"><div id="canvas"></div></body></html>');
    await page.addScriptTag({ path: VIEWER });
    // draw at 100 %, then size the page to the whole diagram so the picture is readable, not shrunk to fit
    const size = await page.evaluate(async model => {
      const viewer = new window.BpmnJS({ container: '#canvas' });
      await viewer.importXML(model);
      const box = viewer.get('canvas').getActiveLayer().getBBox();
      return { width: Math.ceil(box.width) + 60, height: Math.ceil(box.height) + 60 };
    }, xml);
    await page.setViewportSize(size);
    await page.evaluate(size => {
      const container = document.querySelector('#canvas');
      container.style.width = size.width + 'px';
      container.style.height = size.height + 'px';
    }, size);
    await page.evaluate(async model => {
      document.querySelector('#canvas').innerHTML = '';
      const viewer = new window.BpmnJS({ container: '#canvas' });
      await viewer.importXML(model);
      viewer.get('canvas').zoom('fit-viewport', 'auto');
    }, xml);
    const image = join(IMAGES, file.replace(/\.bpmn$/, '.png'));
    await page.locator('#canvas').screenshot({ path: image });
    writeFileSync(image + '.sha256', createHash('sha256').update(readFileSync(join(REPO, 'bpmn', file)))
      .digest('hex') + '\n');
    console.log(`${file} -> docs/images/${file.replace(/\.bpmn$/, '.png')} (${size.width}x${size.height})`);
  }
} finally {
  await context.close();
}
