import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/api/errors.js';
import { TEMPLATE_IDS, templateLayout } from '../../shared/layout/templates.js';
import { LayoutSchema, type Layout } from '../../shared/model/layout.js';
import { writeFileDurably } from './durableFile.js';
import { slugify } from './paths.js';

/** Saved templates live in the workspace, so a team sharing a folder shares them. */
export const TEMPLATES_DIR = '.templates';

const SavedTemplateSchema = z.object({ name: z.string().min(1).max(100), layout: LayoutSchema });

/** A layout template: built in (`bulletin`, `newsletter`) or saved by an editor. */
export interface TemplateInfo {
  id: string;
  name: string;
  builtIn: boolean;
  layout: Layout;
}

/** The templates of a workspace: the built-in ones, then the saved ones by name. */
export async function listTemplates(workspace: string): Promise<TemplateInfo[]> {
  const builtIn = TEMPLATE_IDS.map((id) => ({ id, name: id, builtIn: true, layout: templateLayout(id) }));
  const dir = join(workspace, TEMPLATES_DIR);
  const names = await readdir(dir).catch(() => [] as string[]);
  const saved: TemplateInfo[] = [];
  for (const file of names.filter((n) => n.endsWith('.json')).sort()) {
    try {
      const t = SavedTemplateSchema.parse(JSON.parse(await readFile(join(dir, file), 'utf8')));
      const id = file.slice(0, -'.json'.length);
      saved.push({ id, name: t.name, builtIn: false, layout: { ...t.layout, template: id } });
    } catch {
      // A damaged template file is skipped; the others stay usable.
    }
  }
  return [...builtIn, ...saved.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))];
}

/** Saves a layout as a named template (replacing one of the same name); returns its id. */
export async function saveTemplate(workspace: string, name: string, layout: Layout): Promise<string> {
  const id = `user-${slugify(name)}`;
  const dir = join(workspace, TEMPLATES_DIR);
  await mkdir(dir, { recursive: true });
  const body = { name, layout: { ...layout, template: id } };
  await writeFileDurably(join(dir, `${id}.json`), `${JSON.stringify(body, null, 2)}\n`);
  return id;
}

/** A template by id or name; `template.notFound` when there is none. */
export async function findTemplate(workspace: string, idOrName: string): Promise<TemplateInfo> {
  const found = (await listTemplates(workspace)).find((t) => t.id === idOrName || t.name === idOrName);
  if (!found) throw new AppError('template.notFound', { name: idOrName });
  return found;
}
