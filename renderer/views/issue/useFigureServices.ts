import { useCallback, useMemo, useRef, useState } from 'react';
import type { AppErrorData } from '../../../shared/api/errors.js';
import type { FigurePrint, FigureServices, StoredImage } from '../../editor/nodes/FigureNode/FigureServices.js';
import { call, errorData } from '../../api.js';

/**
 * Images for the editor's figures: each asset's image is fetched once from the main
 * process and kept for the issue; "choose image" opens the file dialog there and stores
 * the file in the assets/ (by content hash). Every way of storing an image
 * resolves with its asset id and the pixel size the main process read from it; `print`
 * tells the figures where they print (pass a stable object: a new one re-registers the
 * editor's drop and paste handlers).
 */
export function useFigureServices(
  slug: string,
  print?: FigurePrint,
): { services: FigureServices; error: AppErrorData | null; clearError(): void } {
  const [urls, setUrls] = useState<Record<string, string>>({});
  const [error, setError] = useState<AppErrorData | null>(null);
  const requested = useRef(new Set<string>());

  const imageUrl = useCallback(
    (assetId: string) => {
      const url = urls[assetId];
      if (url) return url;
      if (!requested.current.has(assetId)) {
        requested.current.add(assetId);
        queueMicrotask(() => {
          call('asset:data', { slug, assetId }).then(
            ({ dataUrl }) => setUrls((u) => ({ ...u, [assetId]: dataUrl })),
            () => undefined, // a missing file shows as a figure without its image
          );
        });
      }
      return null;
    },
    [urls, slug],
  );

  const chooseImage = useCallback(async (): Promise<StoredImage | null> => {
    try {
      const { assets } = await call('asset:choose', { slug });
      if (assets.length) setError(null);
      return assets[0] ?? null;
    } catch (err) {
      setError(errorData(err));
      return null;
    }
  }, [slug]);

  const addImageFile = useCallback(
    async (file: File): Promise<StoredImage | null> => {
      try {
        const image = await upload(slug, file);
        const { assetId } = image;
        // Show the photo from the file itself (a blob: URL) rather than fetching it back.
        if (!requested.current.has(assetId)) {
          requested.current.add(assetId);
          const url = URL.createObjectURL(file);
          setUrls((u) => ({ ...u, [assetId]: url }));
        }
        setError(null);
        return image;
      } catch (err) {
        setError(errorData(err));
        return null;
      }
    },
    [slug],
  );

  const addImagePath = useCallback(
    async (path: string): Promise<StoredImage | null> => {
      try {
        return await call('asset:addPath', { slug, path });
      } catch (err) {
        setError(errorData(err));
        return null;
      }
    },
    [slug],
  );

  const services = useMemo(
    () => ({ imageUrl, chooseImage, addImageFile, addImagePath, print }),
    [imageUrl, chooseImage, addImageFile, addImagePath, print],
  );
  return { services, error, clearError: () => setError(null) };
}

/** A blob's bytes as base64, encoded off the main thread (FileReader). */
function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}

// 3 MB of the file a message, 4 MB as base64 (a multiple of 3 bytes, so the pieces' base64
// joins up without padding in between). Each piece is read and encoded on its own: a
// 50 MB photo never becomes one 67 MB string, whose making held this page ~0.1 s.
const RAW_PIECE = 3 * 1024 * 1024;

/** Sends an image file to the assets in pieces; resolves with its asset and pixel size. */
async function upload(slug: string, file: File): Promise<StoredImage> {
  const id = `up${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  for (let at = 0; ; at += RAW_PIECE) {
    const done = at + RAW_PIECE >= file.size;
    const data = await base64Of(file.slice(at, at + RAW_PIECE));
    const { asset } = await call('asset:put', { slug, upload: id, data, done });
    if (done) {
      if (!asset) throw new Error('upload ended without an asset');
      return asset;
    }
  }
}
