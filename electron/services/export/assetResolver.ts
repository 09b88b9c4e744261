import type { AssetResolver } from '../../../shared/export/assets.js';
import type { Issue } from '../../../shared/model/issue.js';
import { AssetStore, imageSize, sniffImageType } from '../assets.js';

const MIME = { jpg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp' } as const;

/** Every asset id an issue refers to: figures in every body, and the masthead title image. */
export function issueAssetIds(issue: Issue): string[] {
  const ids = new Set<string>();
  if (issue.masthead.titleAssetId) ids.add(issue.masthead.titleAssetId);
  for (const section of issue.sections) {
    for (const article of section.articles) {
      for (const block of article.body.root.children) {
        if (block.type === 'figure' && block.assetId) ids.add(block.assetId);
      }
    }
  }
  return [...ids];
}

/** The result of loading an issue's images: a resolver for the converters and the ids that are missing. */
export interface LoadedAssets {
  resolver: AssetResolver;
  missing: string[];
}

/**
 * Reads every image an issue uses from its `assets/` folder, once, for a converter.
 * A missing or unreadable file is reported, not thrown: the print shows a marked frame.
 */
export async function loadIssueAssets(issueDir: string, issue: Issue): Promise<LoadedAssets> {
  const store = new AssetStore(issueDir);
  const loaded = new Map<string, { bytes: Buffer; width: number; height: number; mime: string }>();
  const missing: string[] = [];
  await Promise.all(
    issueAssetIds(issue).map(async (id) => {
      try {
        const bytes = await store.read(id);
        const type = sniffImageType(bytes);
        const size = imageSize(bytes);
        if (!type || !size) throw new Error('not an image');
        loaded.set(id, { bytes, ...size, mime: MIME[type] });
      } catch {
        missing.push(id);
      }
    }),
  );
  const dataUrls = new Map<string, string>();
  return {
    missing,
    resolver: {
      dataUrl(id) {
        const asset = loaded.get(id);
        if (!asset) return null;
        let url = dataUrls.get(id);
        if (!url) {
          url = `data:${asset.mime};base64,${asset.bytes.toString('base64')}`;
          dataUrls.set(id, url);
        }
        return url;
      },
      size(id) {
        const asset = loaded.get(id);
        return asset ? { width: asset.width, height: asset.height } : null;
      },
      bytes(id) {
        return loaded.get(id)?.bytes ?? null;
      },
    },
  };
}
