import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { COMMAND_PRIORITY_HIGH, DROP_COMMAND, PASTE_COMMAND } from 'lexical';
import { useContext, useEffect } from 'react';
import { INSERT_FIGURE_COMMAND } from '../../bodyExtension.js';
import { pathOfFileUrl, pictureSources } from '../../../../shared/import/pastedPictures.js';
import { $pasteClean } from '../PastePlugin/CleanPasteExtension.js';
import { FigureServicesContext, type StoredImage } from '../../nodes/FigureNode/FigureServices.js';

const IMAGE_TYPE = /^image\/(jpeg|png|webp|gif)$/;

function imageFiles(data: DataTransfer | null): File[] {
  return data ? Array.from(data.files).filter((f) => IMAGE_TYPE.test(f.type)) : [];
}

/** A File from a data: URL (decoded here: the page's CSP does not let it fetch data: URLs). */
function fileOfDataUrl(url: string): File | null {
  const m = /^data:(image\/[a-z+.-]+);base64,(.*)$/is.exec(url);
  if (!m) return null;
  try {
    const bytes = Uint8Array.from(atob(m[2].replace(/\s+/g, '')), (c) => c.charCodeAt(0));
    return new File([bytes], 'pasted', { type: m[1] });
  } catch {
    return null;
  }
}

async function storeSource(
  src: string,
  addFile: (file: File) => Promise<StoredImage | null>,
  addPath: ((path: string) => Promise<StoredImage | null>) | undefined,
): Promise<StoredImage | null> {
  if (/^data:/i.test(src)) {
    const file = fileOfDataUrl(src);
    return file ? addFile(file) : null;
  }
  const path = pathOfFileUrl(src);
  return addPath && path !== null ? addPath(path) : null;
}

/**
 * Photos dropped from Explorer/Finder or pasted (a screenshot, a copied picture) become
 * figures at the cursor: the bytes go to the assets/ first, the body keeps only
 * the asset id and the pixel size the services answered. A file that is not a usable
 * image is reported by the figure services.
 */
export function ImageDropPlugin() {
  const [editor] = useLexicalComposerContext();
  const services = useContext(FigureServicesContext);

  useEffect(() => {
    const add = services.addImageFile;
    if (!add) return;
    const insert = (files: File[]) => {
      void (async () => {
        for (const file of files) {
          const image = await add(file);
          if (image) editor.dispatchCommand(INSERT_FIGURE_COMMAND, { assetId: image.assetId, caption: '', size: image });
        }
      })();
    };
    const onFiles = (event: DragEvent | ClipboardEvent, data: DataTransfer | null) => {
      const files = imageFiles(data);
      // Pasted HTML with pictures (Word, web) is the clean-paste plugin's; only bare image files are ours.
      if (files.length === 0 || (event instanceof ClipboardEvent && data?.types.includes('text/html'))) return false;
      event.preventDefault();
      insert(files);
      return true;
    };
    // Pasted HTML whose pictures travel with it (data: URLs, as web pages and WPS give) or
    // beside it on disk (file: URLs, as Word gives): store them first, then paste cleanly
    // with figures that hold them.
    const onHtmlWithImages = (event: ClipboardEvent) => {
      const data = event.clipboardData;
      if (!data || data.types.includes('application/x-lexical-editor')) return false;
      const html = data.getData('text/html');
      // The same rule main uses to let a file: picture named in the clipboard be read.
      const sources = pictureSources(html);
      if (sources.length === 0) return false;
      event.preventDefault();
      const text = data.getData('text/plain');
      void (async () => {
        const stored = new Map<string, StoredImage>();
        for (const src of new Set(sources)) {
          const image = await storeSource(src, add, services.addImagePath);
          if (image) stored.set(src, image);
        }
        editor.update(() => {
          $pasteClean(html, text, (src) => {
            const image = stored.get(src);
            return image ? { assetId: image.assetId, size: image } : null;
          });
        });
      })();
      return true;
    };
    return mergeRegister(
      editor.registerCommand(DROP_COMMAND, (event) => onFiles(event, event.dataTransfer), COMMAND_PRIORITY_HIGH),
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => (event instanceof ClipboardEvent ? onFiles(event, event.clipboardData) || onHtmlWithImages(event) : false),
        COMMAND_PRIORITY_HIGH,
      ),
    );
  }, [editor, services]);

  return null;
}
